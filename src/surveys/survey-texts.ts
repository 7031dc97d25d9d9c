import { escapeHtml } from '../desk/index.ts';
import type { SurveyKind } from '../kernel/domain-words.ts';

// The survey e-mail in the customer's language (en, ar, he, ru; English otherwise). Each
// score is its own link: one click answers, the page then offers a comment.

interface SurveyWords {
  subject: string;
  greeting: (name: string) => string;
  satisfaction: (reference: string) => string;
  nps: (company: string) => string;
  labels: readonly string[];
  npsEnds: readonly [string, string];
  click: string;
  optOut: string;
}

const WORDS: Record<'en' | 'ar' | 'he' | 'ru', SurveyWords> = {
  en: {
    subject: 'How did we do?',
    greeting: (name) => `Hello ${name},`,
    satisfaction: (ref) => `How satisfied are you with how we handled your request ${ref}?`,
    nps: (company) => `How likely are you to recommend ${company} to a friend or colleague?`,
    labels: ['Very dissatisfied', 'Dissatisfied', 'Neither', 'Satisfied', 'Very satisfied'],
    npsEnds: ['not at all likely', 'extremely likely'],
    click: 'Choose one: a single click answers, no password needed. You can add a comment on the page.',
    optOut: 'No more surveys from us:',
  },
  ar: {
    subject: 'كيف كانت خدمتنا؟',
    greeting: (name) => `مرحبًا ${name}،`,
    satisfaction: (ref) => `ما مدى رضاك عن طريقة تعاملنا مع طلبك ${ref}؟`,
    nps: (company) => `ما مدى احتمال أن توصي بـ ${company} لصديق أو زميل؟`,
    labels: ['غير راضٍ إطلاقًا', 'غير راضٍ', 'محايد', 'راضٍ', 'راضٍ جدًا'],
    npsEnds: ['غير محتمل إطلاقًا', 'محتمل جدًا'],
    click: 'اختر إجابة واحدة: نقرة واحدة تكفي دون كلمة مرور، ويمكنك إضافة تعليق في الصفحة.',
    optOut: 'لا أريد استبيانات أخرى:',
  },
  he: {
    subject: 'איך היה השירות שלנו?',
    greeting: (name) => `שלום ${name},`,
    satisfaction: (ref) => `עד כמה אתה מרוצה מהטיפול בפנייה שלך ${ref}?`,
    nps: (company) => `מה הסיכוי שתמליץ על ${company} לחבר או לעמית?`,
    labels: ['לא מרוצה כלל', 'לא מרוצה', 'ניטרלי', 'מרוצה', 'מרוצה מאוד'],
    npsEnds: ['בכלל לא סביר', 'סביר מאוד'],
    click: 'בחר תשובה אחת: לחיצה אחת מספיקה, בלי סיסמה. אפשר להוסיף הערה בדף.',
    optOut: 'בלי סקרים נוספים:',
  },
  ru: {
    subject: 'Как мы справились?',
    greeting: (name) => `Здравствуйте, ${name}!`,
    satisfaction: (ref) => `Насколько вы довольны тем, как мы решили ваш запрос ${ref}?`,
    nps: (company) => `Насколько вероятно, что вы порекомендуете ${company} другу или коллеге?`,
    labels: ['Совсем не доволен', 'Не доволен', 'Нейтрально', 'Доволен', 'Очень доволен'],
    npsEnds: ['совсем маловероятно', 'очень вероятно'],
    click: 'Выберите ответ: достаточно одного нажатия, пароль не нужен. На странице можно оставить комментарий.',
    optOut: 'Больше не присылать опросы:',
  },
};

export function surveyWords(language: string | null): SurveyWords {
  return language && language in WORDS ? WORDS[language as keyof typeof WORDS] : WORDS.en;
}

export interface SurveyEmailInput {
  kind: SurveyKind;
  language: string | null;
  customerName: string;
  /** `K-1042` for a case's survey; null for NPS. */
  reference: string | null;
  company: string;
  /** The answer link for a score. */
  linkFor: (score: number) => string;
  optOutLink: string;
}

export function renderSurveyEmail(input: SurveyEmailInput): { subject: string; text: string; html: string } {
  const w = surveyWords(input.language);
  const question = input.kind === 'nps' ? w.nps(input.company) : w.satisfaction(input.reference ?? '');
  const scores = input.kind === 'nps' ? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] : [5, 4, 3, 2, 1];
  const label = (s: number) =>
    input.kind === 'nps'
      ? s === 0
        ? `0 (${w.npsEnds[0]})`
        : s === 10
          ? `10 (${w.npsEnds[1]})`
          : `${s}`
      : `${s} — ${w.labels[s - 1]}`;
  const text = [
    w.greeting(input.customerName),
    '',
    question,
    '',
    ...scores.map((s) => `${label(s)}: ${input.linkFor(s)}`),
    '',
    w.click,
    '',
    `${w.optOut} ${input.optOutLink}`,
  ].join('\n');
  const html = [
    `<p>${escapeHtml(w.greeting(input.customerName))}</p>`,
    `<p><strong>${escapeHtml(question)}</strong></p>`,
    '<p>',
    ...scores.map(
      (s) =>
        `<a href="${escapeHtml(input.linkFor(s))}" style="display:inline-block;margin:4px;padding:8px 12px;` +
        `border:1px solid #228be6;border-radius:6px;text-decoration:none">${escapeHtml(label(s))}</a>`,
    ),
    '</p>',
    `<p>${escapeHtml(w.click)}</p>`,
    `<p style="font-size:12px">${escapeHtml(w.optOut)} <a href="${escapeHtml(input.optOutLink)}">${escapeHtml(
      input.optOutLink,
    )}</a></p>`,
  ].join('\n');
  const subject = input.reference ? `[#${input.reference}] ${w.subject}` : w.subject;
  return { subject, text, html };
}
