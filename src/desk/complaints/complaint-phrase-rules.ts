// The words of a complaint (K12) in English, Arabic, Hebrew and Russian: what the recognizer
// (recognize-complaint.ts) looks for, and what turns a match off. Patterns run on text normalised
// by normalizeForMatching (lower case, no diacritics, ة→ه, أ/إ/آ→ا, ى→ي, ؤ/ئ→ء, ё→е), so they are
// written that way; each is bounded (no nested repetition), so a match costs time linear in the text.
//
// Policy — favour precision over recall, the reverse of the supervisor words: a complaint mark
// counts in the complaint rate and a person can always mark a case by hand, while a wrong mark
// inflates a figure managers act on. So a bare "bad" or "terrible" counts only when the sentence
// is about us (a `target` word: service, order, your…), and a complaint word is skipped when it
// is negated ("no complaints"), someone else's ("my neighbour complained"), or cleared ("not your
// fault").

export type ComplaintPhraseLanguage = 'en' | 'ar' | 'he' | 'ru';

export interface ComplaintRule {
  /** The phrase as listed (and returned). */
  phrase: string;
  pattern: string;
  /** Only when the sentence is about us (a target word is in it). */
  needsTarget?: boolean;
  /** The pattern already holds its negation ("not satisfied"): a negator before it does not turn it off. */
  negationInside?: boolean;
}

export interface LanguageRules {
  rules: ComplaintRule[];
  /** Words that, among the three before a complaint word, negate it. */
  negators: string;
  /** Words right after a complaint word that negate it ("жалоб нет"). */
  negatorsAfter?: string;
  /** The sentence is about us. */
  target: string;
  /** Someone else's complaint, reported: the sentence is not the customer's. */
  thirdParty: string;
  /** The customer says it is not our doing. */
  cleared: string;
}

const AR_PREFIX = '(?:[وف])?(?:بال|لل|كال|ال|ب|ل|ك)?';
const HE_PREFIX = '[ושהלבמכ]{0,3}';

export const COMPLAINT_RULES: Record<ComplaintPhraseLanguage, LanguageRules> = {
  en: {
    rules: [
      { phrase: 'complaint', pattern: 'complain(?:t|ts|ed|ing|s)?' },
      { phrase: 'unacceptable', pattern: 'unacceptable|not\\s+(?:at\\s+all\\s+)?acceptable', negationInside: true },
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
      { phrase: 'angry', pattern: 'angry|furious|livid|annoyed|frustrat(?:ed|ing)|infuriat(?:ed|ing)|fuming' },
      { phrase: 'worst', pattern: 'worst' },
      {
        phrase: 'terrible',
        pattern: 'terrible|awful|appalling|shocking|horrible|dreadful|atrocious|lousy|useless|very\\s+poor|poor',
        needsTarget: true,
      },
      { phrase: 'rude', pattern: 'rude(?:ly|ness)?|hung\\s+up\\s+on\\s+me|insult(?:ed|ing)' },
      {
        phrase: 'nobody answers',
        pattern:
          '(?:nobody|no\\s+one|no-one)\\s+(?:has\\s+|ever\\s+|even\\s+|at\\s+all\\s+)?(?:answer|repl|respond|call|listen|fix|help|got\\s+back|came|showed|turned\\s+up)\\p{L}*',
        negationInside: true,
      },
      {
        phrase: 'still no answer',
        pattern: 'still\\s+(?:no|not\\s+a|without\\s+an?)\\s+(?:answer|reply|response|word|refund|call)',
        negationInside: true,
      },
      { phrase: 'never showed up', pattern: 'never\\s+(?:showed|turned|came|arrived|called|answered|replied)' },
      { phrase: 'wasted my time', pattern: 'wast(?:ed|ing)\\s+(?:hours\\s+of\\s+)?(?:my|our)\\s+time' },
      {
        phrase: 'take my business elsewhere',
        pattern: '(?:business|custom|money)\\s+elsewhere|never\\s+(?:use|buy\\s+from|order\\s+from)\\s+you',
      },
      {
        phrase: 'ombudsman',
        pattern: 'ombudsman|trading\\s+standards|consumer\\s+protection|small\\s+claims|my\\s+lawyer|legal\\s+action',
      },
      // A judgement of the goods, not the report of a fault ("the parcel arrived damaged" asks for a fix).
      { phrase: 'faulty', pattern: 'faulty|defective' },
      { phrase: 'ignored', pattern: 'ignor(?:ed|ing|es)\\s+(?:my|me|us|our)' },
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
    ].join('|'),
    thirdParty: [
      '(?:my|our|a)\\s+(?:neighbou?r|husband|wife|sister|brother|friend|mother|mum|mom|father|dad|son|daughter|partner|colleague)\\p{L}*\\s+(?:\\p{L}+\\s+){0,2}(?:says?|said|thinks?|complain\\p{L}*|wants?|told|claims?)',
      'reviews?\\s+(?:\\p{L}+\\s+){0,2}(?:says?|said)',
      '(?:he|she|they)\\s+complained',
    ].join('|'),
    cleared: [
      'but\\s+(?:the\\s+)?(?:staff|team|people|service|you)\\s+(?:were|was|are|is)\\s+(?:great|excellent|lovely|wonderful|fine)',
      'not\\s+your\\s+fault',
      "(?:isn't|is\\s+not|wasn't)\\s+your\\s+fault",
      'not\\s+with\\s+you',
      'not\\s+(?:about|against)\\s+you',
    ].join('|'),
  },
  ar: {
    rules: [
      {
        phrase: 'شكوى',
        pattern: `${AR_PREFIX}(?:شكو[يا]|شكاو[يا]|شكوت${'(?:ي|ه|ها|كم)?'}|[اوس]?اشتك(?:ي|ى|يت|ينا|وا)?|نشتكي|يشتكي|تشتكي)`,
      },
      { phrase: 'غير مقبول', pattern: 'غير\\s+مقبول(?:ه)?|لا\\s+يطاق|لا\\s+يحتمل', negationInside: true },
      {
        phrase: 'غير راض',
        pattern: '(?:غير|لست|لسنا|ما\\s+انا)\\s+(?:راض(?:ي|يه|ين)?|راضيا|راضيه|مرتاح(?:ا|ه)?)',
        negationInside: true,
      },
      { phrase: 'خيبة أمل', pattern: `${AR_PREFIX}خيب(?:ه|ت)\\s+امل|خذلتم(?:وني|ونا)?|خذلت(?:ني|نا)|محبط(?:ه|ين)?|مخيب` },
      { phrase: 'سئمت', pattern: 'سءمت|سءمنا|طفح\\s+الكيل|تعبت\\s+من|مليت|زهقت' },
      { phrase: 'مستاء', pattern: 'مستاء(?:ه)?|مستاءه|منزعج(?:ه)?|غاضب(?:ه)?|زعلان(?:ه)?|مقهور(?:ه)?' },
      { phrase: 'أسوأ', pattern: 'اسوا' },
      { phrase: 'مهزلة', pattern: `${AR_PREFIX}(?:مهزله|فضيحه|عار|معيب|مخجل|سخيف|سخافه|استهتار)(?:ا)?` },
      { phrase: 'نصب', pattern: 'نصب|احتيال|سرقه|نصابين' },
      {
        phrase: 'سيئة',
        pattern: 'سيء(?:ه)?|سيئه|سيي(?:ه)?|رديء(?:ه)?|رديءه|رديئه|رديئ|فظيع(?:ه)?|مزري(?:ه)?|لا\\s+فاءده\\s+منه',
        needsTarget: true,
      },
      { phrase: 'وقح', pattern: 'وقح(?:ا|ه)?|بوقاحه|اغلق\\s+الخط|اهانه|اهانني' },
      {
        phrase: 'لا أحد يرد',
        pattern: [
          'و?(?:لا|لم)\\s+(?:احد|يرد\\s+احد|يتصل\\s+احد|يستمع\\s+احد|يصلح\\s+احد)(?:\\s+(?:يرد|يجيب|يستمع|يتصل|يصلح|يساعد))?',
          'و?لم\\s+(?:يتصل|يرد)\\s+احد',
          'لم\\s+يحضر',
          'لا\\s+رد',
        ].join('|'),
        negationInside: true,
      },
      { phrase: 'أضعتم وقتي', pattern: 'اضعتم|ضيعتم|اضاعه\\s+وقتي|تضييع\\s+وقتي' },
      { phrase: 'سأنتقل إلى شركة أخرى', pattern: '(?:سانتقل|ساذهب|ساتحول)\\s+(?:الي|ل)\\s*(?:شركه|مزود|متجر)' },
      { phrase: 'حماية المستهلك', pattern: 'حمايه\\s+المستهلك|محامي|القضاء|المحكمه' },
      { phrase: 'معيب', pattern: 'معطوب(?:ه)?|معيب(?:ه)?|يتجاهل(?:ون)?|تتجاهل(?:ون)?|تجاهلتم' },
      { phrase: 'كيف يعقل', pattern: 'كيف\\s+يعقل|كيف\\s+يمكن\\s+ان\\s+لا' },
    ],
    negators: 'لا|لم|لن|ليس|ليست|لست|لسنا|ما|بدون|دون|اي|غير|ولا',
    target: [
      'خدم\\p{L}*',
      'دعم',
      'منتج',
      'طلب\\p{L}*',
      'توصيل',
      'جود\\p{L}*',
      'شرك\\p{L}*',
      'تجرب\\p{L}*',
      'موظف\\p{L}*',
      'تطبيق\\p{L}*',
      'فاتور\\p{L}*',
      '\\p{L}*كم',
    ].join('|'),
    thirdParty: [
      '(?:جاري|جارتي|زوجي|زوجتي|اختي|اخي|صديقي|صديقتي|امي|ابي|ابني|ابنتي|زميلي)\\s+(?:\\p{L}+\\s+){0,2}(?:يقول|تقول|قال|قالت|اشتكي|اشتكت|يشتكي|تشتكي|تريد|يريد)',
      '(?:تقييم|تقييما|مراجع)\\p{L}*\\s+(?:\\p{L}+\\s+){0,2}(?:يقول|تقول)',
    ].join('|'),
    cleared: '(?:ليس|ليست)\\s+(?:ذنبكم|خطاكم|ضدكم)|وليس\\s+ضدكم|ليس\\s+بسببكم',
  },
  he: {
    rules: [
      { phrase: 'תלונה', pattern: `${HE_PREFIX}(?:תלונ(?:ה|ות|ת)|להתלונן|מתלונ(?:ן|נת|נים)|התלוננתי|אתלונן)` },
      {
        phrase: 'לא מקובל',
        pattern: 'לא\\s+(?:מקובל|סביר|הגיוני)(?:ת)?(?:\\s+בכלל)?|בלתי\\s+נסבל',
        negationInside: true,
      },
      {
        phrase: 'לא מרוצה',
        pattern: '(?:לא|אינני|איני)\\s+(?:מרוצ(?:ה|ים|ות)|שבע(?:ת)?\\s+רצון)',
        negationInside: true,
      },
      { phrase: 'מאוכזב', pattern: `${HE_PREFIX}(?:מאוכזב(?:ת|ים|ות)?|אכזב(?:תם|ה|ו)|אכזבה)|מפח\\s+נפש` },
      { phrase: 'נמאס לי', pattern: 'נמאס|מיצה|עייפה\\s+מל\\p{L}+|עייף\\s+מל\\p{L}+|די\\s+כבר' },
      { phrase: 'כועס', pattern: 'כועס(?:ת|ים)?|זועם|זועמת|מתוסכל(?:ת)?|מתסכל(?:ת)?|עצבני(?:ת)?|מעצבן' },
      { phrase: 'הכי גרוע', pattern: 'הכי\\s+גרוע(?:ה)?|הגרוע\\s+ביותר' },
      {
        phrase: 'בושה',
        pattern: `${HE_PREFIX}(?:בושה|שערוריי?ה|מגוחך|מגוחכת|מזעזע(?:ת)?|מזועזע(?:ת)?|עלוב(?:ה)?|בדיחה|מחפיר(?:ה)?)`,
      },
      { phrase: 'עקיצה', pattern: `${HE_PREFIX}(?:עקיצה|רמאות|הונאה|גניבה|נוכלים)` },
      { phrase: 'גרוע', pattern: 'גרוע(?:ה|ים|ות)?|נוראי?(?:ת)?|איום|זוועה|לא\\s+שווה\\s+כלום', needsTarget: true },
      { phrase: 'חצוף', pattern: 'חצו(?:ף|פה)|גס\\s+רוח|ניתק(?:ה)?\\s+(?:לי|את)|העליב' },
      {
        phrase: 'אף אחד לא עונה',
        pattern: [
          'ו?אף\\s+אחד\\s+(?:\\p{L}+\\s+){0,3}?(?:לא|עוד\\s+לא)\\s+(?:עונה|ענה|חזר|מקשיב|תיקן|עזר|התקשר)',
          '(?:עדיין\\s+)?אין\\s+תשובה',
          '(?:הטכנאי|השליח|הנציג|המתקין)\\s+לא\\s+הגיע',
        ].join('|'),
        negationInside: true,
      },
      { phrase: 'בזבזתם', pattern: 'בזבזתם|בזבוז\\s+(?:של\\s+)?זמן' },
      { phrase: 'עובר לחברה אחרת', pattern: 'עובר(?:ת)?\\s+לחברה\\s+אחרת|עוזב(?:ת)?\\s+אתכם' },
      { phrase: 'הגנת הצרכן', pattern: `${HE_PREFIX}(?:הגנת\\s+הצרכן|עורך\\s+דין|תביעה\\s+קטנה|בית\\s+משפט)` },
      { phrase: 'פגום', pattern: 'פגו(?:ם|מה)|מתעלמ(?:ים|ת)|מתעלם|התעלמתם' },
      { phrase: 'איך ייתכן', pattern: 'איך\\s+י?יתכן|איך\\s+זה\\s+יכול' },
    ],
    negators: 'לא|אין|אינני|איני|בלי|שום|ללא',
    target: 'השירות|שירות|התמיכה|תמיכה|מוצר|המוצר|הזמנה|משלוח|איכות|חברה|נציג|צוות|אפליקציה|חשבונית|\\p{L}*כם',
    thirdParty: [
      '(?:השכן|השכנה|בעלי|אשתי|אחותי|אחי|חבר\\s+שלי|חברה\\s+שלי|אמא\\s+שלי|אבא\\s+שלי)\\s+(?:\\p{L}+\\s+){0,2}(?:אומר|אומרת|התלונן|התלוננה|רוצה|חושב|חושבת)',
      'ביקורת[\\s,]+(?:\\p{L}+\\s+){0,2}(?:ש(?!לילי)\\p{L}{2,}|אומר\\p{L}*)',
    ].join('|'),
    cleared: 'לא\\s+(?:אשמתכם|נגדכם|באשמתכם)',
  },
  ru: {
    rules: [
      {
        phrase: 'жалоба',
        pattern: 'жалоб(?:а|у|ы|ой|е|ам|ами|ах)?|(?:по)?жаловать(?:ся)?|(?:по)?жалуюсь|пожалуюсь|жалуемся|пожаловался',
      },
      {
        phrase: 'неприемлемо',
        pattern: 'неприемлем\\p{L}*|недопустим\\p{L}*|никуда\\s+не\\s+годит\\p{L}*',
        negationInside: true,
      },
      {
        phrase: 'недоволен',
        pattern: 'недовол\\p{L}*|не\\s+(?:удовлетворен\\p{L}*|доволен|довольна|довольны)',
        negationInside: true,
      },
      { phrase: 'разочарован', pattern: 'разочарова\\p{L}*|подвели|подводите|подвел\\p{L}*' },
      {
        phrase: 'надоело',
        pattern: 'надоел\\p{L}*|с\\s+меня\\s+хватит|достали|устал\\p{L}*\\s+(?:за\\s+вами|ждать|бегать)',
      },
      {
        phrase: 'возмущен',
        pattern: 'возмущ\\p{L}*|возмутительн\\p{L}*|в\\s+ярости|раздраж\\p{L}*|зол(?:а)?|злюсь|бесит',
      },
      { phrase: 'худший', pattern: 'худш\\p{L}*' },
      {
        phrase: 'позор',
        pattern: 'позор\\p{L}*|безобрази\\p{L}*|безобразн\\p{L}*|издевательств\\p{L}*|смешно|абсурд\\p{L}*|бардак',
      },
      { phrase: 'обман', pattern: 'обман\\p{L}*|мошенни\\p{L}*|развод\\p{L}*|грабеж\\p{L}*' },
      {
        phrase: 'ужасный',
        pattern: 'ужасн\\p{L}*|ужасен|ужасна|отвратительн\\p{L}*|кошмарн\\p{L}*|бесполезн\\p{L}*|плох\\p{L}*|жалко',
        needsTarget: true,
      },
      {
        phrase: 'нагрубил',
        pattern: 'нагруби\\p{L}*|грубил\\p{L}*|хамств\\p{L}*|хамил\\p{L}*|бросил\\p{L}*\\s+трубку',
      },
      {
        phrase: 'никто не отвечает',
        pattern: [
          'никто\\s+(?:мне\\s+|нам\\s+)?(?:так\\s+и\\s+|до\\s+сих\\s+пор\\s+)?не\\s+(?:отвеча\\p{L}*|ответил|перезвонил|позвонил|слуша\\p{L}*|исправил|помог|пришел|берет)',
          '(?:до\\s+сих\\s+пор\\s+)?нет\\s+ответа',
          'так\\s+и\\s+не\\s+(?:пришел|приехал|позвонил|ответил)',
        ].join('|'),
        negationInside: true,
      },
      {
        phrase: 'потратили моё время',
        pattern: 'потратили\\s+(?:\\p{L}+\\s+)?(?:моего|мое|моё)\\s+времени|(?:часы|дни)\\s+моего\\s+времени',
      },
      { phrase: 'перейду к другому', pattern: '(?:перейду|уйду)\\s+(?:к|в)\\s+друг\\p{L}*' },
      {
        phrase: 'Роспотребнадзор',
        pattern:
          'роспотребнадзор\\p{L}*|прокуратур\\p{L}*|в\\s+суд|юрист\\p{L}*|защит\\p{L}*\\s+прав\\s+потребител\\p{L}*',
      },
      {
        phrase: 'брак',
        pattern: 'бракованн\\p{L}*|брак|игнорир\\p{L}*',
      },
      { phrase: 'как так можно', pattern: 'как\\s+так\\s+(?:можно|может\\s+быть)|как\\s+вам\\s+не\\s+стыдно' },
    ],
    negators: 'не|нет|никаких|никакой|ни|без|совсем\\s+не|вовсе\\s+не',
    negatorsAfter: '(?:\\s+\\p{L}+){0,2}?\\s+(?:нет|не\\s+имею)',
    target: [
      'вы',
      'вас',
      'вам',
      'ваш\\p{L}*',
      'сервис\\p{L}*',
      'обслуживани\\p{L}*',
      'поддержк\\p{L}*',
      'товар\\p{L}*',
      'заказ\\p{L}*',
      'доставк\\p{L}*',
      'качеств\\p{L}*',
      'компани\\p{L}*',
      'оператор\\p{L}*',
      'приложени\\p{L}*',
      'сч[её]т\\p{L}*',
      'ответ\\p{L}*',
      'магазин\\p{L}*',
    ].join('|'),
    thirdParty: [
      '(?:сосед\\p{L}*|муж|жена|сестра|брат|друг|подруга|мама|папа|сын|дочь|коллега)\\s+(?:\\p{L}+\\s+){0,2}(?:говорит|сказал\\p{L}*|жаловал\\p{L}*|хочет|считает|думает)',
      'отзыв\\p{L}*[\\s,]+(?:\\p{L}+[\\s,]+){0,2}(?:что|говор\\p{L}*)',
    ].join('|'),
    cleared: [
      'но\\s+(?:\\p{L}+\\s+)?(?:сотрудник\\p{L}*|персонал|сервис|вы)\\s+(?:был\\p{L}*\\s+)?(?:отличн|прекрасн|замечательн)\\p{L}*',
      'не\\s+ваша\\s+вина',
      'не\\s+по\\s+вашей\\s+вине',
      'а\\s+не\\s+на\\s+вас',
      'не\\s+к\\s+вам',
    ].join('|'),
  },
};
