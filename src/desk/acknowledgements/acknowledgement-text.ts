// K2/K8: the acknowledgement a customer gets for every contact, in their language: the
// reference, and the time we commit to answer by, in their own time zone. Written like a
// person would write it — the customer should be able to reply to it and reach a person.

export const ACKNOWLEDGEMENT_LANGUAGES = ['en', 'ar', 'he', 'ru'] as const;
export type AcknowledgementLanguage = (typeof ACKNOWLEDGEMENT_LANGUAGES)[number];

const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'he']);

export interface AcknowledgementInput {
  language: string | null;
  customerName: string;
  reference: string;
  promisedBy: Date;
  timeZone: string;
  workspaceName: string;
  portalUrl?: string | null;
  /** Issue 4 (K16): a one-question page "by when do you expect an answer?" — first acknowledgement only. */
  expectUrl?: string | null;
}

export interface RenderedAcknowledgement {
  subject: string;
  text: string;
  html: string;
  /** The language actually used (en when the customer's language has no template). */
  language: AcknowledgementLanguage;
}

interface Template {
  /** BCP 47 locale for Intl: en-GB gives "Tuesday 24 November"; Latin digits everywhere so
   * the time reads like the reference and phone numbers beside it. */
  locale: string;
  subject: (ref: string) => string;
  greeting: (name: string) => string;
  greetingNoName: string;
  received: (workspace: string, ref: string) => string;
  answerBy: (when: string) => string;
  keepReference: (ref: string) => string;
  portal: (url: string) => string;
  expect: (url: string) => string;
  signOff: string;
  when: (parts: { weekday: string; dayMonth: string; time: string }) => string;
}

const TEMPLATES: Record<AcknowledgementLanguage, Template> = {
  en: {
    locale: 'en-GB',
    subject: (ref) => `We have received your request [${ref}]`,
    greeting: (name) => `Dear ${name},`,
    greetingNoName: 'Hello,',
    received: (ws, ref) =>
      `Thank you for contacting ${ws}. We have received your message and registered it under the reference ${ref}.`,
    answerBy: (when) => `A member of our team will answer you by ${when}.`,
    keepReference: (ref) =>
      `If you write to us again about this, please keep ${ref} in the subject line so that your message reaches the same person.`,
    portal: (url) => `You can follow your request, write to us, or ask for a supervisor at any time here: ${url}`,
    expect: (url) => `By when do you expect an answer? Tell us in one click: ${url}`,
    signOff: 'Kind regards,',
    when: ({ weekday, dayMonth, time }) => `${weekday} ${dayMonth}, ${time}`,
  },
  ar: {
    locale: 'ar-u-nu-latn',
    subject: (ref) => `استلمنا طلبك [${ref}]`,
    greeting: (name) => `مرحبًا ${name}،`,
    greetingNoName: 'مرحبًا،',
    received: (ws, ref) => `شكرًا لتواصلك مع ${ws}. لقد استلمنا رسالتك وسجّلناها برقم المرجع ${ref}.`,
    answerBy: (when) => `سيردّ عليك أحد أعضاء فريقنا في موعد أقصاه ${when}.`,
    keepReference: (ref) =>
      `إذا راسلتنا مجددًا بخصوص هذا الطلب، يُرجى الإبقاء على رقم المرجع ${ref} في عنوان الرسالة حتى تصل إلى الشخص نفسه.`,
    portal: (url) => `يمكنك متابعة طلبك أو مراسلتنا أو طلب التحدث إلى مشرف في أي وقت من هنا: ${url}`,
    expect: (url) => `متى تتوقع أن نرد عليك؟ أخبرنا بنقرة واحدة: ${url}`,
    signOff: 'مع أطيب التحيات،',
    when: ({ weekday, dayMonth, time }) => `${weekday} ${dayMonth}، الساعة ${time}`,
  },
  he: {
    locale: 'he',
    // Plural forms of address: the usual polite, gender-neutral register in Hebrew service mail.
    subject: (ref) => `קיבלנו את פנייתכם [${ref}]`,
    greeting: (name) => `שלום ${name},`,
    greetingNoName: 'שלום,',
    received: (ws, ref) => `תודה שפניתם אל ${ws}. קיבלנו את הודעתכם ורשמנו אותה במספר פנייה ${ref}.`,
    answerBy: (when) => `נציג מהצוות שלנו יחזור אליכם עד ${when}.`,
    keepReference: (ref) =>
      `אם תכתבו לנו שוב בנושא זה, נא להשאיר את מספר הפנייה ${ref} בשורת הנושא כדי שההודעה תגיע לאותו אדם.`,
    portal: (url) => `ניתן לעקוב אחר הפנייה, לכתוב לנו או לבקש לדבר עם מנהל בכל עת כאן: ${url}`,
    expect: (url) => `עד מתי אתם מצפים לתשובה? ספרו לנו בלחיצה אחת: ${url}`,
    signOff: 'בברכה,',
    when: ({ weekday, dayMonth, time }) => `${weekday}, ${dayMonth}, בשעה ${time}`,
  },
  ru: {
    locale: 'ru',
    subject: (ref) => `Мы получили ваше обращение [${ref}]`,
    greeting: (name) => `Здравствуйте, ${name}!`,
    greetingNoName: 'Здравствуйте!',
    received: (ws, ref) =>
      `Спасибо, что обратились в ${ws}. Мы получили ваше сообщение и зарегистрировали его под номером ${ref}.`,
    answerBy: (when) => `Сотрудник нашей службы поддержки ответит вам не позднее ${when}.`,
    keepReference: (ref) =>
      `Если вы напишете нам снова по этому вопросу, пожалуйста, сохраните номер ${ref} в теме письма — так сообщение попадёт к тому же сотруднику.`,
    portal: (url) =>
      `Следить за обращением, написать нам или попросить связать вас с руководителем можно в любое время здесь: ${url}`,
    expect: (url) => `Когда вы ждёте от нас ответа? Сообщите нам в один клик: ${url}`,
    signOff: 'С уважением,',
    // "не позднее 24 ноября (вторник), 15:00": the weekday in brackets avoids declining it.
    when: ({ weekday, dayMonth, time }) => `${dayMonth} (${weekday}), ${time}`,
  },
};

export function isAcknowledgementLanguage(language: string | null): language is AcknowledgementLanguage {
  return language !== null && (ACKNOWLEDGEMENT_LANGUAGES as readonly string[]).includes(language);
}

export function renderAcknowledgement(input: AcknowledgementInput): RenderedAcknowledgement {
  const primary = input.language?.trim().toLowerCase().split(/[-_]/)[0] ?? null;
  const language: AcknowledgementLanguage = isAcknowledgementLanguage(primary) ? primary : 'en';
  const t = TEMPLATES[language];
  const name = input.customerName.trim();
  const reference = input.reference.trim();
  const workspace = input.workspaceName.trim();
  const when = t.when(formatWhen(input.promisedBy, t.locale, input.timeZone));
  const portalUrl = safeUrl(input.portalUrl ?? null);

  const paragraphs: Array<{ text: string; html: string }> = [];
  const add = (render: (...values: string[]) => string, ...values: string[]) => {
    paragraphs.push({ text: render(...values), html: render(...values.map((v) => isolate(escapeHtml(v)))) });
  };
  if (name) add(t.greeting, name);
  else add(() => t.greetingNoName);
  add(t.received, workspace, reference);
  add(t.answerBy, when);
  add(t.keepReference, reference);
  if (portalUrl) {
    paragraphs.push({
      text: t.portal(portalUrl),
      html: t.portal(`<a href="${escapeHtml(portalUrl)}">${escapeHtml(portalUrl)}</a>`),
    });
  }
  const expectUrl = safeUrl(input.expectUrl ?? null);
  if (expectUrl) {
    paragraphs.push({
      text: t.expect(expectUrl),
      html: t.expect(`<a href="${escapeHtml(expectUrl)}">${escapeHtml(expectUrl)}</a>`),
    });
  }

  const subject = t.subject(reference);
  const text = [...paragraphs.map((p) => p.text), `${t.signOff}\n${workspace}`].join('\n\n') + '\n';
  const dir = RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
  const html =
    `<div dir="${dir}" lang="${language}">\n` +
    paragraphs.map((p) => `<p>${p.html}</p>\n`).join('') +
    `<p>${escapeHtml(t.signOff)}<br>${isolate(escapeHtml(workspace))}</p>\n</div>`;
  return { subject, text, html, language };
}

/** A time as the acknowledgement quoted it, in the customer's language (canned replies' {{quoted_time}}). */
export function quotedTimeText(date: Date, language: string | null, timeZone: string): string {
  const primary = language?.trim().toLowerCase().split(/[-_]/)[0] ?? null;
  const t = TEMPLATES[isAcknowledgementLanguage(primary) ? primary : 'en'];
  return t.when(formatWhen(date, t.locale, timeZone));
}

/** Weekday, day and month, and time in the customer's zone; an unknown zone falls back to UTC
 * rather than failing: the acknowledgement must go out even if a setting is wrong. */
export function formatWhen(
  date: Date,
  locale: string,
  timeZone: string,
): { weekday: string; dayMonth: string; time: string } {
  const [weekday, dayMonth, time] = formattersFor(locale, timeZone);
  return { weekday: weekday.format(date), dayMonth: dayMonth.format(date), time: time.format(date) };
}

// Building an Intl.DateTimeFormat costs far more than using one, and every inbound message
// renders an acknowledgement: one set per locale and zone, kept for the life of the process.
type Formatters = readonly [Intl.DateTimeFormat, Intl.DateTimeFormat, Intl.DateTimeFormat];
const formatters = new Map<string, Formatters>();

function formattersFor(locale: string, timeZone: string): Formatters {
  const key = `${locale}|${timeZone}`;
  let found = formatters.get(key);
  if (!found) {
    const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
    const make = (options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    found = [
      make({ weekday: 'long' }),
      make({ day: 'numeric', month: 'long' }),
      make({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    ];
    // Zones come from workspace settings, a handful per process; the bound is only a guard.
    if (formatters.size > 1_000) formatters.clear();
    formatters.set(key, found);
  }
  return found;
}

function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Only http(s) links go into the message: anything else (javascript:, data:) is dropped. */
function safeUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** <bdi> keeps a Latin reference or name from reordering the Arabic/Hebrew sentence around it. */
function isolate(escaped: string): string {
  return `<bdi>${escaped}</bdi>`;
}
