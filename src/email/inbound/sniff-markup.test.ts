import { describe, expect, it } from 'vitest';
import { sniffActiveMarkup } from './sniff-markup.ts';

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) =>
  Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16(), Buffer.from([0x41])]);

// [what, the bytes, what a browser would run them as (null: nothing)]
const CASES: Array<[string, string | Buffer, 'html' | 'svg' | 'xhtml' | 'xml' | null]> = [
  ['a doctype', '<!DOCTYPE html><p>hi', 'html'],
  ['a BOM, whitespace and a comment first', '\ufeff  <!-- x --><HTML><body>', 'html'],
  ['a bare script', '<script>alert(1)</script>', 'html'],
  ['an iframe', '<iframe src="https://x.test">', 'html'],
  ['SVG', '<svg xmlns="http://www.w3.org/2000/svg"/>', 'svg'],
  [
    'prefixed SVG declared as XML',
    '<?xml version="1.0"?>\n<!DOCTYPE svg><svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>',
    'svg',
  ],
  ['XHTML', '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>', 'xhtml'],
  ['XML data', '<?xml version="1.0"?><order><id>5</id></order>', null],
  ['XML with a script', '<?xml version="1.0"?><r><script>alert(1)</script></r>', 'xml'],
  ['XML with a stylesheet', '<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="x.xsl"?><r/>', 'xml'],
  [
    'XML with an XHTML link to javascript:',
    '<r><a xmlns="http://www.w3.org/1999/xhtml" href="javascript:alert(1)">x</a></r>',
    'xml',
  ],
  ['XML with an event handler', '<r><img onerror ="x()"/></r>', 'xml'],
  ['UTF-16 little-endian HTML', utf16le('<html><body>'), 'html'],
  ['UTF-16 big-endian SVG', utf16be('<svg/>'), 'svg'],
  ['plain text with angle brackets', 'plain words < and > signs', null],
  ['a PDF', '%PDF-1.4', null],
  ['CSV', 'a,b\n<1,2>', null],
  ['not a tag', '<<>>', null],
  ['nothing', '', null],
  ['a mail whose body is HTML', 'From: a@b\r\n\r\n<html>', null],
  ['a Windows program', Buffer.from([0x4d, 0x5a, 0x90, 0x00]), null],
];

describe('sniffActiveMarkup', () => {
  it.each(CASES)('%s', (_what, bytes, kind) => {
    expect(sniffActiveMarkup(typeof bytes === 'string' ? Buffer.from(bytes) : bytes)?.kind ?? null).toBe(kind);
  });
});
