import { boundedPrefix, TEXT_BOUNDS } from '../../language/index.ts';

// Reply and forward prefixes in the languages our customers write in, as mail clients add
// them: "Re:", "RE[2]:", "Fwd:", "AW:", "SV:", "Ответ:", "رد:", "תגובה:" and their kin.
const REPLY_PREFIXES = [
  're',
  'aw',
  'sv',
  'vs',
  'antw',
  'odp',
  'ynt',
  'res',
  'ref',
  'rif',
  'ответ',
  'отв',
  'رد',
  'تعليق',
  'תגובה',
  'השב',
  'בתשובה',
];
const FORWARD_PREFIXES = [
  'fwd',
  'fw',
  'wg',
  'tr',
  'vb',
  'rv',
  'enc',
  'pd',
  'пересл',
  'переслано',
  'fwd',
  'إعادة توجيه',
  'توجيه',
  'הועבר',
  'הועבר:',
];

const prefixPattern = (words: string[]) =>
  new RegExp(
    `^\\s*(?:\\[[^\\]]{0,40}\\]\\s*)?(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s*(?:\\[\\d+\\]|\\(\\d+\\))?\\s*[:：]\\s*`,
    'iu',
  );
const REPLY = prefixPattern(REPLY_PREFIXES);
const FORWARD = prefixPattern(FORWARD_PREFIXES);

/**
 * Strips reply/forward prefixes (repeatedly), list tags and case tokens, folds spaces and case.
 * Reads the subject's first TEXT_BOUNDS.subjectChars: a case keeps 200 of them to compare with.
 */
export function normalizeSubject(subject: string | null | undefined): string {
  let s = boundedPrefix(subject ?? '', TEXT_BOUNDS.subjectChars).normalize('NFC');
  for (let i = 0; i < 20; i++) {
    const next = s.replace(REPLY, '').replace(FORWARD, '');
    if (next === s) break;
    s = next;
  }
  return s
    .replace(/\[#?K-\d+\]|\(#?K-\d+\)|#?\bK-\d+\b/giu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLocaleLowerCase();
}

/** Whether the subject's outermost prefix is a forward: a forward starts a new conversation. */
export function isForwardSubject(subject: string | null | undefined): boolean {
  let s = boundedPrefix(subject ?? '', TEXT_BOUNDS.subjectChars);
  for (let i = 0; i < 20; i++) {
    if (FORWARD.test(s)) return true;
    const next = s.replace(REPLY, '');
    if (next === s) return false;
    s = next;
  }
  return false;
}
