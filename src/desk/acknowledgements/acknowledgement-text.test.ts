import { describe, expect, it } from 'vitest';
import { escapeHtml, formatWhen, renderAcknowledgement } from './acknowledgement-text.ts';

// Tuesday 24 November 2026, 14:00 UTC = 15:00 in Berlin, 16:00 in Jerusalem, 17:00 in Moscow.
const promisedBy = new Date('2026-11-24T14:00:00.000Z');
const base = {
  customerName: 'Denise',
  reference: 'K-1042',
  promisedBy,
  timeZone: 'Europe/Berlin',
  workspaceName: 'Acme Computers',
  portalUrl: 'https://support.example.com/portal/s/abc123',
};

describe('renderAcknowledgement', () => {
  it('writes English with the reference and the time in the customer zone', () => {
    const a = renderAcknowledgement({ ...base, language: 'en' });
    expect(a.language).toBe('en');
    expect(a.subject).toBe('We have received your request [K-1042]');
    expect(a.text).toContain('Dear Denise,');
    expect(a.text).toContain('registered it under the reference K-1042');
    expect(a.text).toContain('will answer you by Tuesday 24 November, 15:00.');
    expect(a.text).toContain('https://support.example.com/portal/s/abc123');
    expect(a.text.trimEnd().endsWith('Kind regards,\nAcme Computers')).toBe(true);
    expect(a.html.startsWith('<div dir="ltr" lang="en">')).toBe(true);
    expect(a.html).toContain('<a href="https://support.example.com/portal/s/abc123">');
  });

  it('writes Arabic, right to left', () => {
    const a = renderAcknowledgement({ ...base, language: 'ar', customerName: 'دنيس', timeZone: 'Asia/Riyadh' });
    expect(a.language).toBe('ar');
    expect(a.subject).toBe('استلمنا طلبك [K-1042]');
    expect(a.text).toContain('مرحبًا دنيس،');
    expect(a.text).toContain('برقم المرجع K-1042');
    expect(a.text).toContain('الثلاثاء 24 نوفمبر، الساعة 17:00');
    expect(a.text).toContain('مع أطيب التحيات،');
    expect(a.html.startsWith('<div dir="rtl" lang="ar">')).toBe(true);
    expect(a.html).toContain('<bdi>K-1042</bdi>');
  });

  it('writes Hebrew, right to left', () => {
    const a = renderAcknowledgement({ ...base, language: 'he', customerName: 'דניאל', timeZone: 'Asia/Jerusalem' });
    expect(a.subject).toBe('קיבלנו את פנייתכם [K-1042]');
    expect(a.text).toContain('שלום דניאל,');
    expect(a.text).toContain('עד יום שלישי, 24 בנובמבר, בשעה 16:00');
    expect(a.html.startsWith('<div dir="rtl" lang="he">')).toBe(true);
  });

  it('writes Russian with the month in the genitive', () => {
    const a = renderAcknowledgement({ ...base, language: 'ru', customerName: 'Денис', timeZone: 'Europe/Moscow' });
    expect(a.subject).toBe('Мы получили ваше обращение [K-1042]');
    expect(a.text).toContain('Здравствуйте, Денис!');
    expect(a.text).toContain('не позднее 24 ноября (вторник), 17:00.');
    expect(a.text).toContain('под номером K-1042');
    expect(a.html.startsWith('<div dir="ltr" lang="ru">')).toBe(true);
  });

  it('falls back to English for other or unknown languages, and accepts regional tags', () => {
    expect(renderAcknowledgement({ ...base, language: 'fr' }).language).toBe('en');
    expect(renderAcknowledgement({ ...base, language: null }).language).toBe('en');
    expect(renderAcknowledgement({ ...base, language: 'ar-EG' }).language).toBe('ar');
    expect(renderAcknowledgement({ ...base, language: 'HE' }).language).toBe('he');
  });

  it('greets without a name when the name is blank', () => {
    expect(renderAcknowledgement({ ...base, language: 'en', customerName: '  ' }).text.startsWith('Hello,\n')).toBe(
      true,
    );
    expect(
      renderAcknowledgement({ ...base, language: 'ru', customerName: '' }).text.startsWith('Здравствуйте!\n'),
    ).toBe(true);
  });

  it('leaves the portal sentence out without a URL, and drops non-http URLs', () => {
    const none = renderAcknowledgement({ ...base, language: 'en', portalUrl: undefined });
    expect(none.text).not.toContain('follow your request');
    const bad = renderAcknowledgement({ ...base, language: 'en', portalUrl: 'javascript:alert(1)' });
    expect(bad.html).not.toContain('javascript:');
    expect(bad.text).not.toContain('javascript:');
  });

  it('escapes every interpolated value in the HTML', () => {
    const a = renderAcknowledgement({
      ...base,
      language: 'en',
      customerName: '<script>alert("x")</script>',
      workspaceName: "Tom & Jerry's <b>Shop</b>",
      reference: 'K-1"><img src=x onerror=alert(1)>',
      portalUrl: 'https://example.com/p?a=1&b="2"',
    });
    expect(a.html).not.toContain('<script>');
    expect(a.html).not.toContain('<img');
    expect(a.html).not.toContain('<b>');
    expect(a.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(a.html).toContain('Tom &amp; Jerry&#39;s &lt;b&gt;Shop&lt;/b&gt;');
    expect(a.html).toContain('href="https://example.com/p?a=1&amp;b=%222%22"');
    // The plain text keeps the values as written: it is not HTML.
    expect(a.text).toContain('Dear <script>alert("x")</script>,');
  });

  it('does not fail on an unknown time zone: it uses UTC', () => {
    const a = renderAcknowledgement({ ...base, language: 'en', timeZone: 'Mars/Olympus_Mons' });
    expect(a.text).toContain('by Tuesday 24 November, 14:00.');
  });
});

describe('formatWhen', () => {
  it('crosses midnight in the customer zone', () => {
    const lateUtc = new Date('2026-11-24T23:30:00.000Z');
    expect(formatWhen(lateUtc, 'en-GB', 'Asia/Tokyo')).toEqual({
      weekday: 'Wednesday',
      dayMonth: '25 November',
      time: '08:30',
    });
    expect(formatWhen(lateUtc, 'en-GB', 'America/Denver')).toEqual({
      weekday: 'Tuesday',
      dayMonth: '24 November',
      time: '16:30',
    });
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
