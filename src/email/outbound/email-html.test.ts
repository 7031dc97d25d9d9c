import { describe, expect, it } from 'vitest';
import { renderAcknowledgement } from '../../desk/index.ts';
import { directionOfLanguage, emailHtmlDocument, renderOutboundHtml, textToHtmlFragment } from './email-html.ts';

describe('outbound HTML', () => {
  it('puts dir="rtl" and lang on html and body for Arabic and Hebrew, ltr for Russian and English', () => {
    for (const [language, dir] of [
      ['ar', 'rtl'],
      ['he', 'rtl'],
      ['ru', 'ltr'],
      ['en', 'ltr'],
      ['ar-EG', 'rtl'],
    ] as const) {
      const html = emailHtmlDocument('<p>x</p>', language, 'Subject');
      const lang = language.split('-')[0];
      expect(html).toContain(`<html lang="${lang}" dir="${dir}">`);
      expect(html).toMatch(new RegExp(`<body lang="${lang}" dir="${dir}"`));
    }
    expect(directionOfLanguage(null)).toBe('ltr');
  });

  it('renders an agent reply as escaped paragraphs', () => {
    expect(textToHtmlFragment('Hello <b>Layla</b> & co,\nline two\n\n\nSecond "para"')).toBe(
      '<p>Hello &lt;b&gt;Layla&lt;/b&gt; &amp; co,<br>\nline two</p>\n<p>Second &quot;para&quot;</p>',
    );
    expect(textToHtmlFragment('<script>alert(1)</script>')).not.toContain('<script>');
  });

  it('an Arabic reply without its own HTML gets an RTL document', () => {
    const html = renderOutboundHtml({
      text: 'مرحبًا ليلى،\n\nتم إرسال الاسترداد.',
      html: null,
      language: 'ar',
      subject: 'ردّ',
    });
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('<p>مرحبًا ليلى،</p>');
    expect(html).toContain('text-align:right');
  });

  it('wraps a Hebrew acknowledgement fragment in a Hebrew RTL document', () => {
    const ack = renderAcknowledgement({
      language: 'he',
      customerName: 'יוסי',
      reference: 'K-7',
      promisedBy: new Date('2026-11-24T12:00:00Z'),
      timeZone: 'Asia/Jerusalem',
      workspaceName: 'Acme',
    });
    const html = renderOutboundHtml({ text: ack.text, html: ack.html, language: ack.language, subject: ack.subject });
    expect(html).toContain('<html lang="he" dir="rtl">');
    expect(html).toContain('<bdi>K-7</bdi>');
    expect(html.indexOf('<body')).toBeLessThan(html.indexOf('<div dir="rtl" lang="he">'));
  });
});
