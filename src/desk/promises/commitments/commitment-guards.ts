import { stem, word, type LanguageRules } from './language-rules.ts';

// What makes a sentence with a future verb not the agent's own new commitment (issue 18), in
// each language. The language rules find "we'll / سنعيد / נחזיר / вернём"; these guards then
// remove:
// - someone else's words: the customer quoting an old promise ("you said you'd call", "قلتم",
//   "אמרתם", "вы обещали"), what a colleague or the customer said, what the customer asked for;
// - hopes and maybes ("I hope", "ربما", "אולי", "может быть");
// - conditions and policies ("if it doesn't arrive by…", "usually takes 3 days");
// - vague promises with no time at all ("we'll look into it and get back to you"): nothing to
//   keep or break, so nothing for the ledger (tested after the time is read; see VAGUE).

type Language = LanguageRules['language'];

const NOT_OWN: Record<Language, RegExp> = {
  en: new RegExp(
    [
      '\\b(?:you|they|he|she|your (?:colleague|agent|team)|the (?:agent|customer|client|driver|courier|rep)|someone|i was|we were)\\s+(?:said|told|promised|mentioned|wrote|claimed|asked)',
      '\\b(?:was|were) (?:told|promised)|\\baccording to\\b|\\b(?:earlier|last (?:week|time)) you\\b|\\bsays you\\b',
      "\\b(?:maybe|perhaps|might|hopefully|i hope|we hope|not sure|can't be sure)\\b|^\\s*(?:if|unless|when)\\b",
      '\\b(?:usually|normally|typically|generally|on average)\\b|\\b(?:please|kindly) (?:call|ring|reply|let us know|contact)',
    ].join('|'),
    'i',
  ),
  ar: word(
    [
      '(?:[وف])?(?:قلتم|قلت لي|وعدتم|وعدتني|وعدوني|قيل لي|قال لي|قالت لي|قال العميل|قالت العميله|قال الموظف|الموظف قال|زميلك قال|حسب',
      'ربما|قد|يمكن ان|اتمني|أتمنى|نأمل|نامل|لست متأكدا|لست متاكدا|إذا|اذا|لو لم',
      'عادة|عاده|غالبا|في العادة|من فضلك اتصل|يرجى الاتصال|طلبت منا|طلبت أن)',
    ].join('|'),
  ),
  he: word(
    [
      '(?:ו|ש)?(?:אמרתם|אמרת|אמרה לי|אמר לי|אמרו לי|הבטחתם|הבטיחו לי|הבטחת|הנציג(?:ה)? אמר|הלקוח(?:ה)? אמר|לפי|ביקשת|ביקשתם',
      'אולי|מקווה|מקווים|ייתכן|לא בטוח|אם|בדרך כלל|לרוב|בבקשה תחזור|בבקשה תתקשר|תחזור אלינו|תתקשר אלינו)',
    ].join('|'),
  ),
  ru: stem(
    [
      'вы (?:говорили|обещали|сказали)|мне (?:сказали|обещали)|(?:оператор|клиент(?:ка)?|коллега|курьер|менеджер)\\p{L}* (?:сказал|обещал|говорил)\\p{L}*',
      'может быть|возможно|надеюсь|наверное|не уверен|если|обычно|как правило|пожалуйста, перезвоните|перезвоните нам|напишите нам',
    ].join('|'),
  ),
};

/** Soft actions that, without a time, promise nothing checkable. */
const VAGUE: Record<Language, RegExp> = {
  en: /\b(?:look into|check|get back to you|let you know|update you|keep you (?:posted|updated)|follow up|be in touch|see what|investigate|review|pass (?:this|it) on|forward|do (?:our|my) best|find out|make a note|keep an eye)\b/i,
  ar: stem(
    'نراجع|سنراجع|اتحقق|أتحقق|سأتحقق|سنتحقق|نتحقق|ابلغك|أبلغك|نبلغك|اتابع|أتابع|سأتابع|نعود اليك|نعود إليك|سأعود|سنعود|نبقيك|سأرى|سنرى|سنحقق|سيراجع|سأحول|سنبذل|سأسجل|سنكون على تواصل|سأبقى',
  ),
  he: stem(
    '(?:ו)?(?:נבדוק|אבדוק|נעדכן|אעדכן|נחזור אליך|אחזור אליך|נראה|אעקוב|אמשיך לעקוב|אעביר|נעביר|נהיה בקשר|נעשה כמיטב|ארשום|נחקור|יבחן|ננסה)',
  ),
  ru: stem(
    'разбер\\p{L}*|уточн\\p{L}*|сообщ\\p{L}*|посмотрим|прослеж\\p{L}*|проверю|проверим|будем держать|передам|свяжемся|верн(?:усь|емся|ёмся) к вам|сделаем всё|оставлю|попробую|изучим|рассмотрит|постараемся|буду следить',
  ),
};

/** The sentence is someone else's promise, a hope, a condition or a policy: not a new commitment. */
export function notOwnCommitment(sentence: string, language: Language): boolean {
  return NOT_OWN[language].test(sentence);
}

/** A soft action with no time: "we'll look into it and let you know". */
export function vaguePromise(sentence: string, language: Language): boolean {
  return VAGUE[language].test(sentence);
}
