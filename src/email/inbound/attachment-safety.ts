// Attachments that can run code when opened, or that lie about what they are.

const EXECUTABLE_EXTENSIONS = new Set([
  'exe', 'com', 'scr', 'pif', 'bat', 'cmd', 'msi', 'msp', 'dll', 'cpl', 'js', 'jse', 'vbs', 'vbe', 'wsf', 'wsh', 'hta', 'ps1', 'psm1',
  'jar', 'lnk', 'reg', 'scf', 'inf', 'sh', 'app', 'gadget', 'iso', 'img', 'vhd', 'appx', 'msix',
]);
const MACRO_EXTENSIONS = new Set(['docm', 'dotm', 'xlsm', 'xltm', 'xlam', 'pptm', 'potm', 'ppam', 'ppsm', 'sldm']);
const EXECUTABLE_DETECTED = new Set(['exe', 'elf', 'macho', 'msi', 'dll', 'class', 'jar', 'lnk', 'apk', 'swf', 'wasm', 'dex']);
// Extensions that share a container or are spelt two ways: not a mismatch.
const SAME_KIND: Record<string, string[]> = {
  jpg: ['jpeg', 'jpe', 'jfif'],
  tif: ['tiff'],
  zip: ['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'epub', 'docm', 'xlsm', 'pptm', 'jar', 'apk', 'kmz', 'vsdx'],
  cfb: ['doc', 'xls', 'ppt', 'msg', 'msi', 'dot', 'xlt', 'pot', 'vsd', 'pub'],
  mp4: ['m4a', 'm4v', 'mov'],
  xml: ['svg', 'html', 'htm', 'xhtml', 'plist'],
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

export type DangerReason = 'executable' | 'macro_enabled' | 'executable_content' | 'extension_mismatch' | 'double_extension';

/** Why an attachment is dangerous (empty when it is not), from its name and the detected type's extension. */
export function attachmentDangers(filename: string, detectedExt: string | null): DangerReason[] {
  const reasons: DangerReason[] = [];
  const ext = extensionOf(filename);
  if (ext && EXECUTABLE_EXTENSIONS.has(ext)) reasons.push('executable');
  if (ext && MACRO_EXTENSIONS.has(ext)) reasons.push('macro_enabled');
  if (detectedExt && EXECUTABLE_DETECTED.has(detectedExt)) reasons.push('executable_content');
  if (ext && detectedExt && !sameKind(ext, detectedExt)) reasons.push('extension_mismatch');
  // "invoice.pdf.exe", and the right-to-left override trick ("invoice‮fdp.exe").
  if (/\.(pdf|docx?|xlsx?|jpe?g|png|txt)\.[a-z0-9]{2,4}$/i.test(filename) && ext && EXECUTABLE_EXTENSIONS.has(ext)) reasons.push('double_extension');
  if (/[\u202a-\u202e\u2066-\u2069]/.test(filename)) reasons.push('double_extension');
  return [...new Set(reasons)];
}
