// Builds the document a sanitized e-mail is shown in. The server already stripped scripts and
// handlers (src/email/inbound/sanitize-email-html.ts); this is the second wall: the iframe has
// an empty sandbox (no scripts, opaque origin) and this document carries its own CSP, so even a
// sanitizer bug can neither run code nor fetch anything until the agent asks for images.

/** Nothing may load except inline styles and data: images: no trackers, no read receipts. */
export const BLOCKED_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
/** After "Load remote images": images from anywhere, still nothing else. */
export const REMOTE_IMAGES_CSP = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'";

const REMOTE = /^https?:\/\//i;

// Readable defaults; the e-mail's own inline styles still win where it sets them.
const BASE_STYLE = [
  'html,body{margin:0;padding:0}',
  'body{padding:12px;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans Hebrew",sans-serif;',
  'font-size:14px;line-height:1.5;color:#212529;background:#fff;overflow-wrap:anywhere}',
  'img{max-width:100%;height:auto}',
  'img[data-src]{display:inline-block;min-width:24px;min-height:24px;overflow:hidden;vertical-align:middle;font-size:11px;color:#868e96;background:#f1f3f5;outline:1px dashed #adb5bd}',
  'blockquote{margin-inline:0;padding-inline-start:12px;border-inline-start:3px solid #dee2e6;color:#495057}',
  'table{max-width:100%}',
].join('');

export interface SrcDocOptions {
  /** ltr, rtl, or auto when the message's language is unknown. */
  dir: 'ltr' | 'rtl' | 'auto';
  lang: string | null;
  loadRemoteImages: boolean;
  /**
   * The page's style nonce: a srcdoc frame inherits the page's Content-Security-Policy, which
   * admits a <style> element only with it (the frame's own policy still applies on top).
   */
  styleNonce?: string;
}

function parse(html: string): Document {
  // DOMParser documents have no browsing context: nothing in them runs or loads.
  return new DOMParser().parseFromString(`<!doctype html><html><head></head><body>${html}</body></html>`, 'text/html');
}

/** How many remote images the sanitizer held back (their address is in data-src). */
export function countRemoteImages(html: string): number {
  return [...parse(html).querySelectorAll('img[data-src]')].filter((img) =>
    REMOTE.test(img.getAttribute('data-src') ?? ''),
  ).length;
}

export function buildEmailSrcDoc(html: string, { dir, lang, loadRemoteImages, styleNonce }: SrcDocOptions): string {
  const doc = parse(html);
  if (loadRemoteImages) {
    for (const img of doc.querySelectorAll('img[data-src]')) {
      const src = img.getAttribute('data-src') ?? '';
      // Only plain web addresses come back; anything else stays inert.
      if (!REMOTE.test(src)) continue;
      img.setAttribute('src', src);
      img.removeAttribute('data-src');
    }
  }
  const head = doc.head;
  const meta = (attrs: Record<string, string>) => {
    const el = doc.createElement('meta');
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    return el;
  };
  const style = doc.createElement('style');
  style.textContent = BASE_STYLE;
  if (styleNonce) style.setAttribute('nonce', styleNonce);
  // The CSP must come first so it governs everything after it.
  head.prepend(
    meta({ 'http-equiv': 'Content-Security-Policy', content: loadRemoteImages ? REMOTE_IMAGES_CSP : BLOCKED_CSP }),
    meta({ charset: 'utf-8' }),
    // A loaded tracker should not also learn which case in Kept it was opened from.
    meta({ name: 'referrer', content: 'no-referrer' }),
    style,
  );
  doc.documentElement.setAttribute('dir', dir);
  doc.body.setAttribute('dir', dir);
  if (lang) doc.documentElement.setAttribute('lang', lang);
  return `<!doctype html>${doc.documentElement.outerHTML}`;
}
