import { describe, expect, it } from 'vitest';
import { attachmentDangers, type AttachmentFacts } from './attachment-safety.ts';
import { sniffActiveMarkup } from './sniff-markup.ts';

const dangers = (filename: string, detectedExt: string | null, more: Partial<AttachmentFacts> = {}) =>
  attachmentDangers({ filename, detectedExt, ...more });

describe('attachmentDangers', () => {
  it('passes ordinary documents whose bytes match their name', () => {
    expect(dangers('photo.JPG', 'jpg')).toEqual([]);
    expect(dangers('photo.jpeg', 'jpg')).toEqual([]);
    expect(dangers('contract.docx', 'docx')).toEqual([]);
    expect(dangers('contract.docx', 'zip')).toEqual([]);
    expect(dangers('notes.txt', null)).toEqual([]);
    expect(dangers('winmail.dat', null)).toEqual([]);
    expect(dangers('order.xml', 'xml', { declaredType: 'application/xml' })).toEqual([]);
  });
  it('flags executables, scripts and macro-enabled office files', () => {
    expect(dangers('setup.exe', 'exe')).toContain('executable');
    expect(dangers('run.js', null)).toEqual(['executable']);
    expect(dangers('a.vbs', null)).toEqual(['executable']);
    expect(dangers('go.bat', null)).toEqual(['executable']);
    expect(dangers('go.cmd', null)).toEqual(['executable']);
    expect(dangers('screensaver.scr', null)).toEqual(['executable']);
    expect(dangers('budget.xlsm', 'xlsx')).toContain('macro_enabled');
    expect(dangers('readme', null, { declaredType: 'application/javascript; charset=utf-8' })).toEqual(['executable']);
  });
  it('flags names that lie about the content', () => {
    expect(dangers('invoice.pdf', 'exe')).toEqual(['executable_content', 'extension_mismatch']);
    expect(dangers('invoice.pdf.exe', 'exe')).toContain('double_extension');
    expect(dangers('photo.png', 'pdf')).toEqual(['extension_mismatch']);
    expect(dangers('invoice\u202Efdp.exe', null)).toContain('double_extension');
    expect(dangers('setup.exe.', null)).toEqual(['executable']);
  });
  it('flags HTML, SVG, XHTML and scripted XML: by name, by declared type and by the bytes', () => {
    expect(dangers('page.html', null)).toEqual(['active_content']);
    expect(dangers('page.HTM ', null)).toEqual(['active_content']);
    expect(dangers('page.html.', null)).toEqual(['active_content']);
    expect(dangers('logo.svg', null)).toEqual(['active_content']);
    expect(dangers('page.xhtml', null)).toEqual(['active_content']);
    expect(dangers('style.xsl', null)).toEqual(['active_content']);
    expect(dangers('picture', null, { declaredType: 'image/svg+xml' })).toEqual(['active_content']);
    expect(dangers('letter', null, { declaredType: 'Text/HTML; charset=utf-8' })).toEqual(['active_content']);
    const page = sniffActiveMarkup(Buffer.from('<!doctype html><script>1</script>'));
    expect(dangers('notes.txt', page!.ext, { markup: page, declaredType: 'text/plain' })).toEqual([
      'active_content',
      'extension_mismatch',
    ]);
    const scripted = sniffActiveMarkup(Buffer.from('<?xml version="1.0"?><r><script>1</script></r>'));
    expect(dangers('data.xml', 'xml', { markup: scripted })).toEqual(['active_content']);
    expect(dangers('page.htm', 'html', { markup: sniffActiveMarkup(Buffer.from('<html>')) })).toEqual([
      'active_content',
    ]);
  });
});
