import { boundedPrefix, stripQuotedText, TEXT_BOUNDS } from '../../language/index.ts';

// K5: a customer asking for a supervisor in the words of an e-mail or chat, in English,
// Arabic, Hebrew or Russian, opens an escalation.
//
// Policy — favour recall. A missed request is the essay's customer "cut off on asking for a
// supervisor" (seed 000); an extra escalation costs a supervisor one look. So:
// - "I am the manager of a small shop" matches (documented false positive).
// - "management" / "الإدارة" / "הנהלה" / "руководство" match: "I'll complain to management"
//   is a request for someone higher, and is far more common in support mail than the
//   accidental uses ("management fee").
// - But a stem merely inside another word never matches: "managed", "manageable",
//   "escalator", "מנהרה", "אחריות" (warranty), "مسؤولية" (responsibility), "мастер" do not.
//   Each rule lists the word's real inflections (Russian cases, Arabic prefixes ال/بال/لل/و/ف
//   and attached pronouns, Hebrew prefixes ה/ל/ב/ש/ו/מ/כ and suffixes) and requires a word
//   boundary on both sides.
// - Known technical phrases are excluded: "password manager", "הנהלת חשבונות"
//   (bookkeeping), "руководство пользователя" (user manual), "права администратора".
// - Quoted earlier mail ("> ..." lines, "On ... wrote:") never triggers.
// Patterns run on normalised text (see normalizeForMatching), so they are written without
// diacritics, in lower case, with ة→ه, أ/إ/آ→ا, ى→ي, ؤ/ئ→ء, ё→е.

export type SupervisorPhraseLanguage = 'en' | 'ar' | 'he' | 'ru';

interface PhraseRule {
  /** The phrase as listed (and returned); it must match its own rule. */
  phrase: string;
  pattern: string;
}

// Arabic: optional conjunction, then a preposition and/or the article.
const AR_PREFIX = '(?:[وف])?(?:بال|لل|كال|ال|ب|ل|ك)?';
const AR_PRONOUN = '(?:ي|ك|كم|كن|ه|ها|هم|نا)';
// Hebrew: up to three one-letter prefixes (ו, ש, ה, ל, ב, מ, כ: "ולמנהל", "שהמנהל").
const HE_PREFIX = '[ושהלבמכ]{0,3}';

const RULES: Record<SupervisorPhraseLanguage, PhraseRule[]> = {
  en: [
    { phrase: 'supervisor', pattern: 'supervisors?' },
    { phrase: 'manager', pattern: '(?<!password\\s+|file\\s+|package\\s+)managers?' },
    { phrase: 'management', pattern: 'management' },
    {
      phrase: 'someone in charge',
      pattern: "(?:someone|somebody|anyone|anybody|person|people|whoever|who|who's)\\s+(?:is\\s+|are\\s+)?in\\s+charge",
    },
    { phrase: 'escalate', pattern: 'escalat(?:e|ed|es|ing|ion|ions)' },
    { phrase: 'your boss', pattern: '(?:your|the|a|their|his|her)\\s+boss(?:es)?' },
    { phrase: 'team leader', pattern: 'team\\s+lead(?:er)?s?' },
    {
      phrase: 'someone higher up',
      pattern: '(?:someone|somebody|anyone|anybody)\\s+(?:higher\\s+up|more\\s+senior|senior)|higher[\\s-]ups?',
    },
    { phrase: 'your superior', pattern: '(?:your|a|the)\\s+superiors?' },
  ],
  ar: [
    { phrase: 'مشرف', pattern: `${AR_PREFIX}مشرف(?:ه|ين|ون|${AR_PRONOUN}|ت${AR_PRONOUN})?` },
    { phrase: 'المدير', pattern: `${AR_PREFIX}(?:مدير(?:ه|ين|ون|${AR_PRONOUN}|ت${AR_PRONOUN})?|مدراء|مديرو)` },
    { phrase: 'مسؤول', pattern: `${AR_PREFIX}مسءول(?:ه|ين|ون|ا|${AR_PRONOUN}|ت${AR_PRONOUN})?` },
    { phrase: 'الإدارة', pattern: `${AR_PREFIX}(?:اداره|ادارت${AR_PRONOUN})` },
    { phrase: 'تصعيد', pattern: `${AR_PREFIX}تصعيد` },
    { phrase: 'رئيس القسم', pattern: `${AR_PREFIX}رءيس(?:${AR_PRONOUN}|\\s+(?:ال)?(?:قسم|فريق|الوردي[هت]))` },
  ],
  he: [
    { phrase: 'מנהל', pattern: `${HE_PREFIX}מנהל(?:ת|ים|ות|י|ך|כם|ו|ה|נו|תך|תכם|ינו)?(?!\\s+חשבונות)` },
    { phrase: 'הנהלה', pattern: `${HE_PREFIX}הנהל(?:ה|ת)(?!\\s+חשבונות)` },
    { phrase: 'אחראי', pattern: `${HE_PREFIX}אחראי(?:ת|ים|ות)?` },
    { phrase: 'מפקח', pattern: `${HE_PREFIX}מפקח(?:ת|ים|ות|ה)?` },
    { phrase: 'ממונה', pattern: `${HE_PREFIX}ממונ(?:ה|ים|ית|ות)` },
    { phrase: 'אחמ"ש', pattern: `${HE_PREFIX}אחמ"ש(?:ית|ים)?` },
    { phrase: 'סופרווייזר', pattern: `${HE_PREFIX}סופרו?ויי?זר(?:ית|ים)?` },
    { phrase: 'הסלמה', pattern: `${HE_PREFIX}(?:הסלמ(?:ה|ת)|הסלים|תסלימו|הסלימו)` },
    { phrase: 'מישהו בכיר', pattern: 'מישהו\\s+(?:יותר\\s+)?בכיר' },
  ],
  ru: [
    { phrase: 'руководитель', pattern: 'руководител(?:ь|я|ю|ем|е|и|ей|ям|ями|ях)' },
    { phrase: 'руководство', pattern: 'руководств(?:о|а|у|ом|е)(?!\\s+(?:пользовател|по\\s|к\\s))' },
    { phrase: 'начальник', pattern: 'начальник(?:а|у|ом|е|и|ов|ам|ами|ах)?|начальств(?:о|а|у|ом|е)' },
    {
      phrase: 'старший смены',
      pattern:
        'старш(?:ий|его|ему|им|ем|ая|ую|ей|ие|их|ими)\\s+(?:по\\s+смене|смены|менеджер\\p{L}*|специалист\\p{L}*|администратор\\p{L}*|сотрудник\\p{L}*)',
    },
    {
      phrase: 'позовите старшего',
      pattern:
        '(?:позов|позва|дайт|дат|соедин|переключ|перевед)\\p{L}*\\s+(?:меня\\s+|нас\\s+)?(?:(?:на|с|со|к)\\s+)?старш(?:его|им|ему|ую|ей)',
    },
    {
      phrase: 'менеджер',
      pattern: '(?<!файлов\\p{L}*\\s+)менеджер(?:а|у|ом|е|ы|ов|ам|ами|ах)?(?!\\s+(?:паролей|пакетов|загрузок|задач))',
    },
    {
      phrase: 'администратор',
      pattern:
        '(?<!(?:прав\\p{L}*|учетн\\p{L}*\\s+запис\\p{L}*|пароль|паролем)\\s+)администратор(?:а|у|ом|е|ы|ов|ам|ами|ах)?|администраци(?:я|и|ю|ей)',
    },
    { phrase: 'директор', pattern: 'директор(?:а|у|ом|е|ы|ов|ам|ами|ах)?' },
    { phrase: 'супервайзер', pattern: '(?:супервайзер|супервизор)(?:а|у|ом|е|ы|ов|ам|ами|ах)?' },
    { phrase: 'эскалация', pattern: 'эскалац\\p{L}*|эскалир\\p{L}*' },
    { phrase: 'заведующий', pattern: 'заведующ(?:ий|его|ему|им|ем|ая|ую|ей)' },
    { phrase: 'вышестоящий', pattern: 'вышестоящ\\p{L}*' },
    // Not the nominative: "я ответственный покупатель" is about the customer.
    { phrase: 'ответственного', pattern: 'ответственн(?:ого|ому|ым)' },
  ],
};

export const SUPERVISOR_PHRASE_LANGUAGES: readonly SupervisorPhraseLanguage[] = ['en', 'ar', 'he', 'ru'];

export const SUPERVISOR_PHRASES: Record<SupervisorPhraseLanguage, string[]> = {
  en: RULES.en.map((r) => r.phrase),
  ar: RULES.ar.map((r) => r.phrase),
  he: RULES.he.map((r) => r.phrase),
  ru: RULES.ru.map((r) => r.phrase),
};

// A match must not start or end inside a word.
const COMPILED = SUPERVISOR_PHRASE_LANGUAGES.flatMap((language) =>
  RULES[language].map((rule) => ({
    language,
    phrase: rule.phrase,
    regex: new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${rule.pattern})(?![\\p{L}\\p{M}\\p{N}])`, 'u'),
  })),
);

/**
 * NFKC, lower case, ё→е; Arabic diacritics and tatweel removed and letter variants unified;
 * Hebrew points removed, maqaf → space, gershayim/geresh → ASCII quotes.
 */
export function normalizeForMatching(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[ؤئ]/g, 'ء')
    .replace(/[\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7]/g, '')
    .replace(/\u05BE/g, ' ')
    .replace(/[\u05F4\u201C\u201D\u201E]/g, '"')
    .replace(/[\u05F3\u2018\u2019]/g, "'")
    .replace(/\s+/gu, ' ');
}

export interface SupervisorRequest {
  requested: boolean;
  /** The language of the phrase that matched. */
  language: SupervisorPhraseLanguage | null;
  /** The listed phrase (from SUPERVISOR_PHRASES) that matched, e.g. "руководитель" for "руководителем". */
  phrase: string | null;
}

/**
 * The earliest supervisor phrase in the customer's own text (quoted mail is ignored), within
 * its first TEXT_BOUNDS.customerTextChars: a request is asked, not buried under pages of paste.
 */
export function detectSupervisorRequest(text: string): SupervisorRequest {
  const normalized = normalizeForMatching(stripQuotedText(boundedPrefix(text, TEXT_BOUNDS.customerTextChars)));
  let best: { index: number; language: SupervisorPhraseLanguage; phrase: string } | null = null;
  for (const rule of COMPILED) {
    const match = rule.regex.exec(normalized);
    if (match && (best === null || match.index < best.index)) {
      best = { index: match.index, language: rule.language, phrase: rule.phrase };
    }
  }
  return best === null
    ? { requested: false, language: null, phrase: null }
    : { requested: true, language: best.language, phrase: best.phrase };
}
