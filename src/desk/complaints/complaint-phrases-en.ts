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
    { phrase: 'fed up', pattern: 'fed\\s+up|sick\\s+and\\s+tired|had\\s+enough|tired\\s+of\\s+(?:chasing|waiting)' },
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
  ],
  negators: "not|no|never|n't|without|nothing|hardly|isn't|wasn't|aren't|don't|didn't|am\\s+not",
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
  ].join('|'),
  cleared: [
    'my\\s+(?:own\\s+)?fault|my\\s+mistake|my\\s+bad',
    'but\\s+(?:the\\s+)?(?:staff|team|people|service|you)\\s+(?:were|was|are|is)\\s+(?:great|excellent|lovely|wonderful|fine)',
    'not\\s+your\\s+fault',
    "(?:isn't|is\\s+not|wasn't)\\s+your\\s+fault",
    'not\\s+with\\s+you',
    'not\\s+(?:about|against)\\s+you',
  ].join('|'),
  asking:
    '(?:how|where|who|whom|what|is\\s+there|are\\s+there|do\\s+you|can\\s+i' +
    "|could\\s+i|should\\s+i|may\\s+i|would\\s+i|where's|what's)",
  clauseBreak: "but|however|although|though|yet|whereas|which\\s+is\\s+why|that's\\s+why|that\\s+is\\s+why",
};
