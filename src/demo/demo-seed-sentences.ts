import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectSupervisorRequest } from '../desk/index.ts';
import type { DemoLanguage } from './demo-messages.ts';

// The demo's Arabic, Hebrew and Russian customers write sentences taken from the letters
// in customer-letters/ beside this file (written for the demo). They are read at seeding time;
// when the folder is not there, a small built-in set is used instead.

/** `src/demo/customer-letters`, beside this file. */
export const DEFAULT_SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'customer-letters');

const SCRIPTS: Array<{ language: DemoLanguage; letters: RegExp }> = [
  { language: 'ar', letters: /\p{Script=Arabic}/gu },
  { language: 'he', letters: /\p{Script=Hebrew}/gu },
  { language: 'ru', letters: /\p{Script=Cyrillic}/gu },
];

/** The same ideas, written for the demo, when the essays are not at hand. */
export const BUILT_IN_SENTENCES: Record<'ar' | 'he' | 'ru', string[]> = {
  ar: [
    'العميل المخلص هو الذي يعود إليكم مرة بعد مرة حتى عندما يكون السعر أعلى.',
    'اتصلت عدة مرات ولم يعاود أحد الاتصال بي كما وعدتم.',
    'أنا عميل لديكم منذ سنوات وأشعر أن لا أحد يستمع إلي.',
    'كل مرة أتحدث فيها مع موظف جديد علي أن أشرح القصة من البداية.',
    'لا أريد وعودًا كبيرة، أريد فقط أن تفوا بما وعدتم به.',
    'أرسلت رسالة بالبريد الإلكتروني الأسبوع الماضي ولم أتلق أي رد.',
  ],
  he: [
    'אני לקוח שלכם כבר שנים ומרגיש שאף אחד לא מקשיב לי.',
    'התקשרתי כמה פעמים ואף אחד לא חזר אליי כמו שהבטחתם.',
    'בכל פעם אני צריך להסביר את כל הסיפור מההתחלה לנציג חדש.',
    'לקוחות חדשים מקבלים הטבות, ולקוחות ותיקים משלמים יותר.',
    'אני לא צריך הבטחות גדולות, רק שתעמדו במה שאמרתם.',
    'שלחתי מייל בשבוע שעבר ועדיין לא קיבלתי תשובה.',
  ],
  ru: [
    'Я ваш клиент уже много лет, но складывается ощущение, что меня никто не слышит.',
    'Я звонил несколько раз, и никто не перезвонил, хотя обещали.',
    'Каждый раз приходится заново рассказывать всю историю новому сотруднику.',
    'Мне не нужны громкие обещания, просто сделайте то, что обещали.',
    'Я потратил на ожидание на линии больше часа.',
    'Неделю назад я отправил письмо и до сих пор не получил ответа.',
  ],
};

/** Cleans the web-scrape noise the essays carry ("& # 8220 ؛", "[ad_1]", "ZZZZZZ"). */
export function cleanEssayText(text: string): string {
  return text
    .replace(/&\s*#\s*\d+\s*[;؛]?/gu, '"')
    .replace(/\[ad_\d+\]/g, ' ')
    .replace(/Z{3,}/g, ' ')
    .replace(/\s+"\s+/g, ' "')
    .replace(/[ \t]+/g, ' ');
}

/** Splits an essay into sentences a customer could plausibly write, grouped by script. */
export function sentencesFromEssay(text: string): Array<{ language: DemoLanguage; sentence: string }> {
  const out: Array<{ language: DemoLanguage; sentence: string }> = [];
  for (const paragraph of cleanEssayText(text).split(/\n+/)) {
    for (const raw of paragraph.split(/(?<=[.!?؟])\s+/u)) {
      const sentence = raw
        .replace(/"+/g, '"')
        .replace(/^["\s–—-]+/u, '')
        .trim();
      if (sentence.length < 35 || sentence.length > 240) continue;
      if (/https?:|www\.|»|\|/u.test(sentence)) continue;
      if (!/[.!?؟]$/u.test(sentence)) continue;
      // Unbalanced quotes read as scraping debris.
      if ((sentence.match(/"/g) ?? []).length % 2 !== 0) continue;
      const letters = (sentence.match(/\p{L}/gu) ?? []).length;
      const script = SCRIPTS.find((s) => (sentence.match(s.letters) ?? []).length >= 0.85 * letters);
      if (!script) continue;
      // A sentence that happens to say "management" would open an escalation: only the
      // stories that mean to ask for a supervisor do so.
      if (detectSupervisorRequest(sentence).requested) continue;
      out.push({ language: script.language, sentence });
    }
  }
  return out;
}

export interface SeedSentences {
  byLanguage: Record<'ar' | 'he' | 'ru', string[]>;
  /** Where they came from, for the summary. */
  source: string;
}

export function loadSeedSentences(dir: string = DEFAULT_SEEDS_DIR): SeedSentences {
  const byLanguage: Record<'ar' | 'he' | 'ru', string[]> = { ar: [], he: [], ru: [] };
  let files: string[] = [];
  try {
    files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort();
  } catch {
    files = [];
  }
  for (const file of files) {
    for (const { language, sentence } of sentencesFromEssay(fs.readFileSync(path.join(dir, file), 'utf8'))) {
      if (language !== 'en' && !byLanguage[language].includes(sentence)) byLanguage[language].push(sentence);
    }
  }
  const fromEssays =
    files.length > 0 && byLanguage.ar.length > 0 && byLanguage.he.length > 0 && byLanguage.ru.length > 0;
  for (const language of ['ar', 'he', 'ru'] as const) {
    if (byLanguage[language].length < 5) byLanguage[language].push(...BUILT_IN_SENTENCES[language]);
  }
  return {
    byLanguage,
    source: fromEssays ? `${files.length} essays in ${dir}` : 'built-in sentences (no essays found)',
  };
}
