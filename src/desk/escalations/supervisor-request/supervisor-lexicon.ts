// What each language contributes to reading a supervisor request (issue 18). A request is an
// authority *mention* ("your manager", "someone above you", "ראש הצוות", "кто-то выше") that a
// *cue* asks for ("put me through", "أريد", "תעביר", "позовите") and that no *blocker* explains
// away: a negation before it ("I don't need a supervisor"), a third party or the customer's own
// role ("my manager asked me", "I am the account manager"), a past event ("I spoke to a
// supervisor last week"), or a technical sense ("password manager"). Patterns run on text
// normalised by normalizeForMatching, one clause at a time, and are bounded (no nested
// quantifiers), so a clause costs time linear in its length.

export type SupervisorLanguage = 'en' | 'ar' | 'he' | 'ru';

export interface SupervisorLexicon {
  /** Authority mentions, keyword or not; global, so every mention in a clause is weighed. */
  mention: RegExp;
  /** Words that ask: verbs of speaking, transferring, wanting, imperatives, "please". */
  cue: RegExp;
  /** Tested on the few words before a mention: a negation there denies the request. */
  negationBefore: RegExp;
  /** Tested on the few words just before a mention: "my", "our", "his" — someone else's boss. */
  ownerBefore: RegExp;
  /** Tested on the few words just after a mention: "שלי", "at work", "عندنا". */
  ownerAfter: RegExp;
  /** Tested on the mention itself: a possessive ending that makes it someone else's ("مديري", "مشرفه"). */
  ownedForm: RegExp | null;
  /** Tested on the whole clause: the customer's own role ("I am the manager of…"). */
  ownRole: RegExp;
  /** Tested on the whole clause: something that already happened, or thanks for it. */
  past: RegExp;
  /** Mentions that are requests by themselves when nothing blocks them ("escalate", "someone above you"). */
  selfAsking: RegExp;
  /** A question that asks whether a supervisor is there to talk to: a likely, not a certain, request. */
  weakCue: RegExp;
}

/** A word boundary for any script (\b only knows ASCII). */
export const L = '(?<![\\p{L}\\p{M}\\p{N}])';
export const R = '(?![\\p{L}\\p{M}\\p{N}])';
export const rx = (pattern: string, flags = 'u') => new RegExp(`${L}(?:${pattern})${R}`, flags);
export const tail = (pattern: string) => new RegExp(`${L}(?:${pattern})${R}[^.!?]{0,24}$`, 'u');
/** The pattern, then at most two words, then the end: "my line ", "нашему офис-". */
export const near = (pattern: string) => new RegExp(`${L}(?:${pattern})${R}\\s(?:[\\p{L}\\p{M}'-]+\\s?){0,2}$`, 'u');

const EN_AUTHORITY = [
  // Keywords, with the misspellings customers type in a hurry.
  'su?pe?rvi?s(?:o|e|io|ou)?rs?|superviser',
  'manag(?:er|ers|ement)|mang(?:er|ers)|manger|mgr|managr',
  'boss(?:es)?|superiors?|higher[ -]ups?|team[ -]?lead(?:er)?s?|line manager',
  'head of (?:the )?(?:[\\p{L}-]+ ){0,2}(?:team|department|dept|support|service|complaints|billing|sales|store|shop|branch)',
  // Keyword-less: someone with more authority than the agent.
  '(?:some|any)(?:one|body) (?:(?:more|a bit more) )?(?:higher|senior|above you|above your pay ?grade|higher up|in charge|with (?:more |the |enough )?authority|who (?:can|could) (?:actually )?(?:make|take) (?:a |the )?decisions?)',
  "(?:some|any)(?:one|body) (?:who|that) (?:is|'s) in charge",
  "(?:the )?person in charge|whoever (?:is |'s )?(?:in charge|runs (?:this|the|your)(?: \\p{L}+)?)|who(?:ever)? is in charge|whoever can (?:approve|decide|authori[sz]e)",
  '(?:more|higher|greater) authority|(?:a |real |the )?decision[ -]?maker|senior (?:agent|staff|person|rep|representative|member|colleague)',
  'someone higher than you|higher than you|above you|above your pay ?grade|more senior|somebody senior|someone senior',
  'escalat(?:e|ed|es|ing|ion)',
].join('|');

export const EN_LEXICON: SupervisorLexicon = {
  mention: new RegExp(`${L}(?:${EN_AUTHORITY})${R}`, 'gu'),
  cue: rx(
    [
      '(?:speak|talk|chat|have a word|word|get in touch)(?:ing)? (?:to|with)|put (?:me |you )?(?:through|on)|transfer|connect|hand (?:me|this|it) (?:over|to)',
      '(?:get|give|find|bring) (?:me|us)|get (?:a|your|the|someone) [\\p{L}-]+ (?:on|involved|to)|let me (?:speak|talk)|pass (?:me|this|it|my [\\p{L}]+)(?: on)?|forward',
      "(?:i|we) (?:want|need|demand|insist|request|would like|'d like|wanna|am asking|'m asking)|i(?:'m| am) requesting|requesting",
      '(?:can|could|may) (?:i|we|you|someone|a|your)|please|pls|plz|now|right now|immediately|asap|today',
      '(?:have|ask|let|get) (?:a|your|the|someone) [\\p{L}-]+ (?:call|contact|review|look|approve|get)|call me|contact me|on the (?:line|phone)|involved',
      'raise (?:this|it) with|bump (?:this|it) up|look at|review|approve|needs? to go to|go to a|decision',
    ].join('|'),
  ),
  negationBefore: tail("don't|dont|do not|no|not|never|no need|without|nor|isn't|aren't|wasn't|won't"),
  ownerBefore: near('my|our|his|her|their|the (?:store|shop|delivery|installation)|at (?:the|your) store'),
  ownerAfter: new RegExp(`^[^.!?]{0,12}${L}(?:at work|on our side|at the store|in the other branch|and i)${R}`, 'u'),
  ownedForm: null,
  ownRole: rx(
    "(?:i am|i'm|im|we are|we're) (?:also |actually )?(?:an?|the|one of the) (?:[\\p{L}-]+ ){0,2}(?:supervisors?|managers?|boss|head of|in charge|team lead)|(?:i am|i'm) (?:the )?(?:one )?in charge|we are (?:the )?managers|i work as|i run",
  ),
  past: rx(
    'spoke|talked|called|said|told|asked me|was|were|already|last (?:week|time|month|year)|yesterday|earlier|ago|previous|thanks?|thank you|approved|gave|sorted|promised|agreed|fixed|helped|ordered|signs? off|will (?:pay|test|sign|reschedule|approve)|would (?:approve|reschedule)',
  ),
  selfAsking: rx(
    'escalate(?: (?:this|it|my|the))?|someone (?:higher|above you|more senior)|somebody (?:higher|senior|above)|higher[ -]ups|decision[ -]?maker',
  ),
  weakCue: rx("is (?:there|your|the)|are (?:there|you)|who(?:'s| is)|where(?:'s| is)|available"),
};
