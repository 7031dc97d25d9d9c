import { describe, expect, it } from 'vitest';
import { attachmentDangers } from './attachment-safety.ts';

describe('attachmentDangers', () => {
  it('passes ordinary documents whose bytes match their name', () => {
    expect(attachmentDangers('photo.JPG', 'jpg')).toEqual([]);
    expect(attachmentDangers('photo.jpeg', 'jpg')).toEqual([]);
    expect(attachmentDangers('contract.docx', 'docx')).toEqual([]);
    expect(attachmentDangers('contract.docx', 'zip')).toEqual([]);
    expect(attachmentDangers('notes.txt', null)).toEqual([]);
    expect(attachmentDangers('winmail.dat', null)).toEqual([]);
  });
  it('flags executables, scripts and macro-enabled office files', () => {
    expect(attachmentDangers('setup.exe', 'exe')).toContain('executable');
    expect(attachmentDangers('run.js', null)).toEqual(['executable']);
    expect(attachmentDangers('a.vbs', null)).toEqual(['executable']);
    expect(attachmentDangers('go.bat', null)).toEqual(['executable']);
    expect(attachmentDangers('go.cmd', null)).toEqual(['executable']);
    expect(attachmentDangers('screensaver.scr', null)).toEqual(['executable']);
    expect(attachmentDangers('budget.xlsm', 'xlsx')).toContain('macro_enabled');
  });
  it('flags names that lie about the content', () => {
    expect(attachmentDangers('invoice.pdf', 'exe')).toEqual(['executable_content', 'extension_mismatch']);
    expect(attachmentDangers('invoice.pdf.exe', 'exe')).toContain('double_extension');
    expect(attachmentDangers('photo.png', 'pdf')).toEqual(['extension_mismatch']);
    expect(attachmentDangers('invoice\u202Efdp.exe', null)).toContain('double_extension');
  });
});
