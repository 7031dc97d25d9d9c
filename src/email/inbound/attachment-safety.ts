// Attachments that can run code when opened, or that lie about what they are. Each is judged
// by its name, by the type its sender declared and by what its bytes are: a danger any one of
// them shows is enough.
import { safeFilename } from './safe-filename.ts';
import type { ActiveMarkup } from './sniff-markup.ts';

const EXECUTABLE_EXTENSIONS = new Set([
  'exe',
  'com',
  'scr',
  'pif',
  'bat',
  'cmd',
  'msi',
  'msp',
  'dll',
  'cpl',
  'js',
  'jse',
  'vbs',
  'vbe',
  'wsf',
  'wsh',
  'hta',
  'ps1',
  'psm1',
  'jar',
  'lnk',
  'reg',
  'scf',
  'inf',
  'sh',
  'app',
  'gadget',
  'iso',
  'img',
  'vhd',
  'appx',
  'msix',
]);
const MACRO_EXTENSIONS = new Set(['docm', 'dotm', 'xlsm', 'xltm', 'xlam', 'pptm', 'potm', 'ppam', 'ppsm', 'sldm']);
const EXECUTABLE_DETECTED = new Set([
  'exe',
  'elf',
  'macho',
  'msi',
  'dll',
  'class',
  'jar',
  'lnk',
  'apk',
  'swf',
  'wasm',
  'dex',
]);
// Pages and images a browser runs scripts in (an XML file is judged by its content: most are data).
const ACTIVE_EXTENSIONS = new Set([
  'html',
  'htm',
  'shtml',
  'xhtml',
  'xht',
  'svg',
  'svgz',
  'mht',
  'mhtml',
  'xsl',
  'xslt',
]);
const ACTIVE_TYPES = new Set([
  'text/html',
  'application/xhtml+xml',
  'image/svg+xml',
  'application/xslt+xml',
  'text/xsl',
  'application/x-mimearchive',
]);
const EXECUTABLE_TYPES = new Set([
  'application/javascript',
  'text/javascript',
  'application/x-javascript',
  'application/ecmascript',
  'text/ecmascript',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-ms-installer',
  'application/hta',
  'application/x-sh',
  'application/java-archive',
]);
// Extensions that share a container or are spelt two ways: not a mismatch.
const SAME_KIND: Record<string, string[]> = {
  jpg: ['jpeg', 'jpe', 'jfif'],
  tif: ['tiff'],
  zip: ['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'epub', 'docm', 'xlsm', 'pptm', 'jar', 'apk', 'kmz', 'vsdx'],
  cfb: ['doc', 'xls', 'ppt', 'msg', 'msi', 'dot', 'xlt', 'pot', 'vsd', 'pub'],
  mp4: ['m4a', 'm4v', 'mov'],
  xml: ['svg', 'html', 'htm', 'xhtml', 'xht', 'plist', 'xsl', 'xslt', 'rss', 'atom', 'kml', 'gpx'],
  html: ['htm', 'shtml', 'xhtml', 'xht'],
  xhtml: ['xht', 'htm'],
  svg: ['svgz'],
  mpg: ['mpeg'],
  txt: ['csv', 'log', 'ics', 'vcf', 'eml', 'md'],
};

export function extensionOf(filename: string): string | null {
  const match = /\.([a-z0-9]{1,10})$/i.exec(filename.trim());
  return match ? match[1]!.toLowerCase() : null;
}

function sameKind(declared: string, detected: string): boolean {
  if (declared === detected) return true;
  return (SAME_KIND[detected] ?? []).includes(declared) || (SAME_KIND[declared] ?? []).includes(detected);
}

export type DangerReason =
  'executable' | 'macro_enabled' | 'executable_content' | 'active_content' | 'extension_mismatch' | 'double_extension';

export interface AttachmentFacts {
  /** The name as the sender wrote it. */
  filename: string;
  /** The Content-Type the sender declared. */
  declaredType?: string | null;
  /** The extension of the type detected from the bytes (file-type, else sniffActiveMarkup). */
  detectedExt: string | null;
  /** Markup a browser would run, found in the bytes (sniff-markup.ts). */
  markup?: ActiveMarkup | null;
}

/** Why an attachment is dangerous (empty when it is not). */
export function attachmentDangers(facts: AttachmentFacts): DangerReason[] {
  const { filename, declaredType = null, detectedExt, markup = null } = facts;
  const reasons: DangerReason[] = [];
  // The name it will be saved under: a trailing dot or space would hide "page.html." from the original.
  const saved = safeFilename(filename);
  const ext = extensionOf(saved);
  const declared = declaredType?.split(';')[0]!.trim().toLowerCase() ?? '';
  if ((ext && EXECUTABLE_EXTENSIONS.has(ext)) || EXECUTABLE_TYPES.has(declared)) reasons.push('executable');
  if (ext && MACRO_EXTENSIONS.has(ext)) reasons.push('macro_enabled');
  if (detectedExt && EXECUTABLE_DETECTED.has(detectedExt)) reasons.push('executable_content');
  if (markup || (ext && ACTIVE_EXTENSIONS.has(ext)) || ACTIVE_TYPES.has(declared)) reasons.push('active_content');
  if (ext && detectedExt && !sameKind(ext, detectedExt)) reasons.push('extension_mismatch');
  // "invoice.pdf.exe", and the right-to-left override trick ("invoice‮fdp.exe").
  const hidesType = /\.(pdf|docx?|xlsx?|jpe?g|png|txt)\.[a-z0-9]{2,4}$/i.test(saved);
  if (hidesType && ext && EXECUTABLE_EXTENSIONS.has(ext)) reasons.push('double_extension');
  if (/[\u202a-\u202e\u2066-\u2069]/.test(filename)) reasons.push('double_extension');
  return [...new Set(reasons)];
}
