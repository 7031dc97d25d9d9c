// Whether an attachment's bytes are markup a browser would run: an HTML page, an SVG image,
// XHTML, or other XML that carries scripts (a <script>, an event handler, a javascript: link,
// an XSLT stylesheet, an embedded XHTML or SVG part). The file-type library reads binary
// signatures: it calls some of these "xml" and an HTML page nothing at all.
export interface ActiveMarkup {
  kind: 'html' | 'svg' | 'xhtml' | 'xml';
  ext: string;
  mime: string;
}

const SNIFF_BYTES = 512 * 1024;
const MARKUP: Record<ActiveMarkup['kind'], ActiveMarkup> = {
  html: { kind: 'html', ext: 'html', mime: 'text/html' },
  svg: { kind: 'svg', ext: 'svg', mime: 'image/svg+xml' },
  xhtml: { kind: 'xhtml', ext: 'xhtml', mime: 'application/xhtml+xml' },
  xml: { kind: 'xml', ext: 'xml', mime: 'application/xml' },
};
// The first tags by which a browser takes unlabelled text for HTML (WHATWG MIME Sniffing, 7.1).
const HTML_ROOTS = new Set([
  'html',
  'head',
  'script',
  'iframe',
  'h1',
  'div',
  'font',
  'table',
  'a',
  'style',
  'title',
  'b',
  'body',
  'br',
  'p',
]);
const PROLOG = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype[^>]*>)/;
const XHTML_NS = /xmlns\s*=\s*["']http:\/\/www\.w3\.org\/1999\/xhtml["']/;
// A script, an event handler, a javascript: link, a stylesheet (XSLT runs), an XHTML or SVG part.
const SCRIPTED = [
  /<script[\s>/]/,
  // Within one tag ([^<>]: a start never scans past the next tag, so a page of "<a" stays linear).
  /<[a-z][^<>]*?\son[a-z]+\s*=/,
  /javascript:/,
  /<\?xml-stylesheet/,
  /=\s*["']http:\/\/www\.w3\.org\/(?:1999\/xhtml|2000\/svg)["']/,
];

export function sniffActiveMarkup(content: Buffer): ActiveMarkup | null {
  const text = decode(content.subarray(0, SNIFF_BYTES)).toLowerCase();
  let rest = text.replace(/^\ufeff/, '');
  const doctypeHtml = /^\s*<!doctype\s+html/.test(rest);
  for (let strip = PROLOG.exec(rest); strip && strip[0].length > 0; strip = PROLOG.exec(rest)) {
    rest = rest.slice(strip[0].length);
  }
  const root = /^<([a-z][\w.-]*:)?([a-z][\w.-]*)/.exec(rest)?.[2];
  if (!root) return doctypeHtml ? MARKUP.html : null;
  const xml = /^\s*<\?xml/.test(text.replace(/^\ufeff/, ''));
  if (root === 'svg') return MARKUP.svg;
  if (root === 'html') return xml || XHTML_NS.test(rest) ? MARKUP.xhtml : MARKUP.html;
  if (!xml && (doctypeHtml || HTML_ROOTS.has(root))) return MARKUP.html;
  return SCRIPTED.some((pattern) => pattern.test(text)) ? MARKUP.xml : null;
}

/** Markup is ASCII: latin1 reads any byte; UTF-16 (with its byte-order mark) is decoded. */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const even = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    return even.swap16().toString('utf16le');
  }
  // A UTF-8 byte-order mark read as latin1 would hide what follows it.
  return (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes).toString('latin1');
}
