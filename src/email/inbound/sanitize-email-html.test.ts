import { describe, expect, it } from 'vitest';
import { HOSTILE_HTML, itIsLinearOnHostileText } from '../../../tests/support/linear-time.test-kit.ts';
import { TEXT_BOUNDS } from '../../language/index.ts';
import { sanitizeEmailHtml } from './sanitize-email-html.ts';

describe('sanitizeEmailHtml', () => {
  it('removes scripts, handlers, forms, frames and javascript links', () => {
    const { html } = sanitizeEmailHtml(
      '<p onclick="alert(1)">Hi<script>alert(2)</script></p><iframe src="https://x"></iframe><form action="https://x"><input name=a></form>' +
        '<a href="javascript:alert(3)">x</a><svg onload="alert(4)"></svg><object data="x"></object><body onload="alert(5)">',
    );
    expect(html).not.toMatch(/script|onclick|onload|iframe|<form|<input|javascript:|<svg|<object|alert/i);
    expect(html).toContain('Hi');
  });
  it('holds remote images back in data-src and keeps data: images', () => {
    const { html, remoteImages } = sanitizeEmailHtml(
      '<img src="https://track.example/p.gif" alt="logo" onerror="x()"><img src="data:image/png;base64,iVBORw0KGgo=">',
    );
    expect(remoteImages).toBe(1);
    expect(html).toContain('data-src="https://track.example/p.gif"');
    expect(html).not.toMatch(/ src="https/);
    expect(html).not.toContain('onerror');
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
  });
  it('keeps harmless styles and drops styles that fetch', () => {
    const { html } = sanitizeEmailHtml(
      '<div style="color: red; background-image: url(https://x/y.png)">a</div><div style="background-color: url(https://x)">b</div><style>body{background:url(https://x)}</style>',
    );
    expect(html).toContain('color:red');
    expect(html).not.toMatch(/url|<style/i);
  });
  it('makes links open safely', () => {
    expect(sanitizeEmailHtml('<a href="https://acme.test">site</a>').html).toContain(
      'rel="noopener noreferrer nofollow"',
    );
  });
});

describe('hostile input (issue 14)', () => {
  itIsLinearOnHostileText('sanitizeEmailHtml', sanitizeEmailHtml, { shapes: HOSTILE_HTML });

  it('sanitizes the first htmlChars of a longer document and closes what it left open', () => {
    const { html } = sanitizeEmailHtml(
      `<div><p>${'word '.repeat(TEXT_BOUNDS.htmlChars / 5)}</p><p>after the bound</p></div>`,
    );
    expect(html.length).toBeLessThanOrEqual(TEXT_BOUNDS.htmlChars + 20);
    expect(html).not.toContain('after the bound');
    expect(html.endsWith('</p></div>')).toBe(true);
  });
});
