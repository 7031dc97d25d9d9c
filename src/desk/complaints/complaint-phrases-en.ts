import type { LanguageRules } from './complaint-phrase-types.ts';

// English complaint words (K12). How they are read, and the policy: complaint-phrase-rules.ts.

export const EN_COMPLAINT_RULES: LanguageRules = {
  rules: [
    { phrase: 'complaint', pattern: 'complain(?:t|ts|ed|ing|s)?', unlessAsking: true },
    {
      phrase: 'formal grievance',
      unlessAsking: true,
      pattern: 'grievance|formally\\s+(?:object|dispute|contest)\\p{L}*|formal\\s+(?:objection|dispute)',
    },
    {
      phrase: 'unacceptable',
      pattern: [
        'unacceptable|not\\s+(?:at\\s+all\\s+)?acceptable',
        '(?:absolutely|totally|completely|just|really)\\s+not\\s+ok(?:ay)?',
      ].join('|'),
      negationInside: true,
    },
    { phrase: 'disappointed', pattern: 'disappoint(?:ed|ing|ment)' },
    { phrase: 'let down', pattern: '(?:let|letting)\\s+(?:me\\s+|us\\s+)?down|let\\s+down' },
    { phrase: 'unhappy', pattern: 'unhappy|dissatisf\\p{L}*|displeased' },
    {
      phrase: 'not satisfied',
      pattern: "(?:not|n't|never been)\\s+(?:at\\s+all\\s+)?(?:satisfied|happy)\\s+with",
      negationInside: true,
    },
    { phrase: 'fed up', pattern: 'fed\\s+up|sick\\s+and\\s+tired|had\\s+enough|tired\\s+of\\s+\\p{L}+ing' },
    {
      phrase: 'outrageous',
      pattern: [
        'outrage(?:ous|d)?',
        'appall(?:ed|ing)',
        'disgrace(?:ful)?',
        'disgust(?:ed|ing)',
        'shameful',
        'scandal(?:ous)?',
        'a\\s+joke',
        'pathetic',
      ].join('|'),
    },
    { phrase: 'ridiculous', pattern: 'ridiculous|absurd|ludicrous' },
    { phrase: 'rip-off', pattern: 'rip[\\s-]?off|scam|daylight\\s+robbery|fraud' },
    {
      phrase: 'angry',
      pattern:
        'angry|furious|livid|annoyed|frustrat(?:ed|ing)|infuriat(?:ed|ing)|fuming|upset(?!\\s+(?:stomach|tummy))',
    },
    { phrase: 'worst', pattern: 'worst' },
    {
      phrase: 'terrible',
      pattern: 'terrible|awful|appalling|shocking|horrible|dreadful|atrocious|lousy|useless|very\\s+poor|poor',
      needsTarget: true,
    },
    {
      phrase: 'rude',
      pattern: [
        'rude(?:ly|ness)?|hung\\s+up\\s+on\\s+me|cut\\s+me\\s+off|insult(?:ed|ing)',
        '(?:swear|shout|yell|scream)(?:ed|ing)?\\s+at\\s+(?:me|us)',
      ].join('|'),
    },
    {
      phrase: 'nobody answers',
      pattern: [
        '(?:nobody|no\\s+one|no-one)\\s+(?:has\\s+|ever\\s+|even\\s+|at\\s+all\\s+)?(?:answer|repl|respond' +
          '|call|listen|fix|help|got\\s+back|came|showed|turned\\s+up|apologi|knock|bother)\\p{L}*',
        "(?:didn't|did\\s+not|never)\\s+even\\s+(?:call|knock|apologi[sz]e|reply|answer|bother|ring|tell)",
        'without\\s+(?:fixing|solving|resolving|sorting)\\s+(?:anything|it|the\\s+problem|a\\s+thing)',
      ].join('|'),
      negationInside: true,
    },
    {
      phrase: 'still no answer',
      pattern: [
        'still\\s+(?:no|not\\s+a|without\\s+an?)\\s+(?:answer|reply|response|word|refund|call)',
        "still\\s+(?:haven't|hasn't|have\\s+not|has\\s+not)\\s+(?:been\\s+)?" +
          '(?:refund|repl|answer|respond|fix|call|sort|heard\\s+back)\\p{L}*',
        'still\\s+no\\s+(?:engineer|technician|internet|service|connection|sign)',
      ].join('|'),
      negationInside: true,
    },
    { phrase: 'never showed up', pattern: 'never\\s+(?:showed|turned|came|arrived|called|answered|replied)' },
    {
      phrase: 'wasted my time',
      pattern: [
        'wast(?:ed|ing)\\s+(?:hours\\s+of\\s+)?(?:my|our)\\s+time',
        'wast(?:ed|ing)\\s+(?:an?\\s+|my\\s+)?(?:entire|whole)\\s+(?:day|morning|afternoon|evening|week)',
      ].join('|'),
    },
    {
      phrase: 'take my business elsewhere',
      pattern: [
        '(?:business|custom|money)\\s+elsewhere|never\\s+(?:use|buy\\s+from|order\\s+from)\\s+you',
        '(?:moving|switching|going|leaving)\\s+(?:over\\s+)?to\\s+(?:another|a\\s+different)\\s+' +
          '(?:bank|provider|supplier|company|network|insurer|operator|firm|shop|store)',
        '(?:moving|switching|going|leaving)\\s+(?:over\\s+)?to\\s+(?:a|your)\\s+competitor',
        "(?:you've|you\\s+have|you)\\s+(?:just\\s+)?lost\\s+(?:a|another|one)\\s+(?:loyal\\s+)?customer",
      ].join('|'),
    },
    {
      phrase: 'ombudsman',
      pattern: 'ombudsman|trading\\s+standards|consumer\\s+protection|small\\s+claims|my\\s+lawyer|legal\\s+action',
    },
    // A judgement of the goods, not the report of a fault ("the parcel arrived damaged" asks for a fix).
    { phrase: 'faulty', pattern: 'faulty|defective' },
    { phrase: 'ignored', pattern: 'ignor(?:ed|ing|es)\\s+(?:my|me|us|our)' },
    {
      phrase: 'I demand',
      pattern: [
        'i\\s+demand',
        '(?:expect|want|demand)\\s+(?:a\\s+)?(?:full\\s+|partial\\s+)?(?:compensation|(?:written\\s+)?apology)',
        'expect\\s+(?:a\\s+)?(?:full\\s+|partial\\s+)refund|i\\s+want\\s+my\\s+money\\s+back',
      ].join('|'),
    },
    {
      phrase: 'stop charging me',
      pattern: '(?<!(?:please|kindly)[\\s,]+)stop\\s+(?:sending|charging|billing|calling|emailing)\\s+me',
    },
    { phrase: 'cheated', pattern: 'cheated|conned|swindled|ripped\\s+off', needsTarget: true },
    {
      phrase: 'a mess',
      pattern:
        "(?:is|was|are|were|'s)\\s+(?:a|an\\s+absolute|a\\s+complete|a\\s+total)\\s+(?:mess|shambles|farce|circus)",
      needsTarget: true,
    },
    { phrase: 'how is it possible', pattern: 'how\\s+(?:is\\s+it|can\\s+it\\s+be)\\s+possible|how\\s+dare' },
    // Kinds the first measured sets missed (issues #15, #18): a complaint told without a complaint word.
    {
      phrase: 'the last straw',
      pattern: [
        'last\\s+straw|enough\\s+is\\s+enough|' +
          "(?:i'm|i\\s+am|im|so)\\s+(?:so\\s+|totally\\s+|completely\\s+)?done\\s+with\\s+(?:you|this)",
        "^\\s*(?:i'm|i\\s+am|im)\\s+done$",
      ].join('|'),
    },
    {
      phrase: 'lied to me',
      pattern:
        '(?:lied|lying|lies)\\s+to\\s+(?:me|us)|(?:you|they|he|she)\\s+lied|liars|misled\\s+(?:me|us)|misleading',
    },
    // A verdict that is the whole sentence ("Terrible.", "Pathetic service.", "Not happy at all.").
    {
      phrase: 'terrible',
      pattern: [
        '^\\s*(?:just\\s+|simply\\s+|absolutely\\s+|really\\s+|so\\s+|very\\s+)?(?:terrible|awful|appalling|horrible' +
          '|dreadful|atrocious|useless|pathetic|rubbish|shocking|disgraceful|horrendous|abysmal|shameful' +
          '|unbelievable|unreal|(?:very|really|so)\\s+poor|poor\\s+service)(?:\\s+service)?\\s*$',
        "^\\s*(?:i'm\\s+|i\\s+am\\s+|im\\s+)?not\\s+(?:very\\s+)?(?:happy|impressed|pleased)(?:\\s+at\\s+all)?\\s*$",
        '(?:horrible|terrible|awful)\\s+(?:horrible|terrible|awful)',
        'thanks\\s+for\\s+nothing|cheers\\s+for\\s+(?:wasting|nothing)',
      ].join('|'),
      negationInside: true,
    },
    {
      phrase: 'how hard can it be',
      pattern: [
        'how\\s+hard\\s+(?:can|could|is)\\s+it|what\\s+(?:exactly\\s+)?am\\s+i\\s+paying\\s+(?:you\\s+)?for',
        '(?:is|does)\\s+any(?:one|body)\\s+(?:there\\s+|even\\s+|actually\\s+){0,2}(?:read|listen|care)\\p{L}*',
        '(?:are|r)\\s+(?:you|u)\\s+(?:serious|kidding|joking)|you\\s+(?:must\\s+be|have\\s+got\\s+to\\s+be)\\s+kidding',
        'this\\s+is\\s+how\\s+you\\s+treat|how\\s+(?:many|often)\\s+(?:more\\s+)?times\\s+(?:do|must|should|will)\\s+i',
        'why\\s+(?:am\\s+i|are\\s+you|is\\s+it|do\\s+i)\\s+still|why\\s+(?:is\\s+it\\s+that\\s+)?every\\s+time',
        'talking\\s+to\\s+a\\s+(?:brick\\s+)?wall',
      ].join('|'),
      negationInside: true,
    },
    {
      phrase: 'repeat contact',
      pattern: [
        '(?:third|fourth|fifth|sixth|seventh|\\d+(?:rd|th))\\s+(?:time|email|e-mail|message|call|letter|engineer' +
          '|technician|visit)(?!\\s+(?:buyer|order|customer|purchase))',
        '(?:three|four|five|six|seven|eight|nine|ten|twelve|\\d+)\\s+(?:different\\s+)?(?:people|agents|calls' +
          '|emails|e-mails|messages)\\s*(?:and|now|already|,)',
        '(?:explain|told|reported|repeat)\\p{L}*\\s+(?:\\p{L}+\\s+){0,4}(?:three|four|five|six|\\d+)\\s+times',
        'every\\s+single\\s+(?:month|time|week)',
      ].join('|'),
    },
    {
      phrase: 'broken promise',
      pattern: [
        '(?:promised|told\\s+me|you\\s+said|assured\\s+me)\\s+(?:[^.?!]{0,60}\\s)?(?:and|but)\\s+' +
          "(?:never|didn't|did\\s+not|nothing|nobody|no\\s+one)",
        '(?:promised|guaranteed|supposed)\\S*\\s+[^.?!]{0,40}' +
          '(?:turned\\s+into|took\\s+(?:a|two|three|\\d+)\\s+(?:week|day|month)s?)',
      ].join('|'),
      negationInside: true,
    },
    {
      phrase: 'rubbish',
      pattern: 'rubbish|crap|sucks|a\\s+disaster|a\\s+nightmare|wtf|ffs|has\\s+failed\\s+(?:me|us)|failed\\s+me',
      needsTarget: true,
    },
    {
      phrase: 'overcharged',
      pattern: [
        'overcharg\\p{L}*|charged\\s+(?:me\\s+)?twice|double[\\s-]charged|still\\s+being\\s+(?:billed|charged)',
        'one[\\s-]star\\s+review|chargeback|dispute\\s+(?:the|this)\\s+charge|disputing\\s+(?:the|this)\\s+charge',
        "(?:won't|not|refuse\\s+to)\\s+(?:be\\s+)?pay(?:ing)?\\s+for\\s+(?:something|a\\s+service)",
        'regulator|reporting\\s+you|report\\s+you\\s+to|shame\\s+on\\s+you|nobody\\s+(?:seems\\s+to\\s+)?cares?',
        "(?:doesn't|don't|does\\s+not)\\s+care\\s+at\\s+all|unreal|poor\\s+quality|not\\s+good\\s+enough",
        '(?:even\\s+though|although|despite)\\s+(?:i|we)\\s+(?:had\\s+)?(?:paid|cancel)\\p{L}*',
        '(?:want|need)\\s+(?:the|my|our)\\s+(?:\\p{L}+\\s+){0,2}(?:fee|money|deposit|payment)\\s+back',
      ].join('|'),
      negationInside: true,
    },
  ],
  cues: [
    { kind: 'promise', pattern: "promised|(?:i\\s+was|we\\s+were|i'd\\s+been)\\s+told|you\\s+said|assured|guaranteed" },
    {
      kind: 'elapsed',
      pattern: [
        'that\\s+was\\s+(?:\\p{L}+\\s+){0,2}(?:ago|last\\s+\\p{L}+|on\\s+\\p{L}+)',
        '(?:days?|weeks?|months?)\\s+ago',
        "(?:it's|its|it\\s+is|today\\s+is|now\\s+it's)\\s+(?:now\\s+)?" +
          '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)',
        'still|took\\s+(?:a|two|three|\\d+)\\s+(?:weeks?|days?|months?)|' +
          '(?:days?|weeks?)\\s+later|without\\s+any\\s+explanation',
        'past\\s+my\\s+appointment|(?:hours?|days?|weeks?)\\s+(?:late|waiting)',
      ].join('|'),
    },
    {
      kind: 'repeat',
      pattern:
        'again|yet\\s+another|twice|(?:second|third|fourth)\\s+time|every\\s+(?:month|time)|each\\s+time|as\\s+usual',
    },
    { kind: 'exasperated', pattern: 'seriously|honestly|come\\s+on|really|unbelievabl\\p{L}*|where\\s+is\\s+it' },
    {
      kind: 'harm',
      pattern: [
        'broken|smashed|damaged|torn|scratch\\p{L}*|cracking|wrong\\s+address|someone\\s+else\\p{L}*|for\\s+nothing',
        'a\\s+(?:whole|full)\\s+day|day\\s+off|cut\\s+(?:off|me\\s+off)|late\\s+fee|cancelled',
        'kept\\s+waiting|just\\s+left|never\\s+works?|refused\\s+to',
      ].join('|'),
    },
    { kind: 'money', pattern: 'refund\\p{L}*|money\\s+back|charg(?:e|ed|es|ing)|billed|fee|paid' },
  ],
  cueGuard:
    'thanks|thank\\s+you|cheers|happy|great|good|lovely|love|excellent|' +
    'perfect|brilliant|by\\s+mistake|my\\s+mistake|accidentally',
  negators:
    "not|no|never|n't|without|nothing|hardly|isn't|wasn't|aren't|don't|didn't|am\\s+not|hate\\s+to(?:\\s+have\\s+to)?",
  target: [
    'you',
    'your',
    'yours',
    "you're",
    'service',
    'support',
    'product',
    'order',
    'delivery',
    'parcel',
    'quality',
    'company',
    'experience',
    'staff',
    'agent',
    'app',
    'website',
    'bill',
    'invoice',
    'repair',
    'refund',
    'team',
    'shop',
    'store',
    'claim',
    'handling',
    'case',
    'booking',
    'charges',
  ].join('|'),
  thirdParty: [
    '(?:my|our|a)\\s+(?:neighbou?r|husband|wife|sister|brother|friend|mother|mum|mom|father|dad|son|daughter|partner|colleague)\\p{L}*\\s+(?:\\p{L}+\\s+){0,2}(?:says?|said|thinks?|complain\\p{L}*|wants?|told|claims?)',
    'reviews?\\s+(?:\\p{L}+\\s+){0,2}(?:says?|said)',
    '(?:he|she|they)\\s+complained',
    'people\\s+(?:\\p{L}+\\s+)?complain\\p{L}*|(?:previous|former)\\s+(?:owner|tenant)\\p{L}*',
  ].join('|'),
  cleared: [
    'my\\s+(?:own\\s+)?fault|my\\s+mistake|my\\s+bad',
    'but\\s+(?:the\\s+)?(?:staff|team|people|service|you)\\s+(?:were|was|are|is)\\s+(?:great|excellent|lovely|wonderful|fine)',
    'not\\s+your\\s+fault',
    // Then and now: a past complaint answered by this time ("…but this time everything was perfect").
    'but\\s+this\\s+time|(?:have|has)\\s+no\\s+problem\\s+now',
    "(?:isn't|is\\s+not|wasn't)\\s+your\\s+fault",
    'not\\s+with\\s+you',
    'not\\s+(?:about|against)\\s+you',
    // A former supplier judged, then us chosen ("…was rubbish, so glad I switched to yours").
    '(?:switched|moved|came\\s+over)\\s+to\\s+(?:you|yours|your)',
  ].join('|'),
  asking:
    '(?:how|where|who|whom|what|is\\s+there|are\\s+there|do\\s+you|can\\s+i' +
    "|could\\s+i|should\\s+i|may\\s+i|would\\s+i|where's|what's)",
  clauseBreak: "but|however|although|though|yet|whereas|which\\s+is\\s+why|that's\\s+why|that\\s+is\\s+why",
};
