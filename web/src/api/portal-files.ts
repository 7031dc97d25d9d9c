/** A file as the portal routes take it: base64 in the JSON body. */
export interface UploadedFile {
  filename: string;
  contentType?: string;
  content: string;
}

/** The limits the server applies (src/email/inbound/receive-with-attachments.ts), checked before sending. */
export const PORTAL_FILE_LIMITS = { files: 3, bytesEach: 4 * 1024 * 1024, bytesTotal: 8 * 1024 * 1024 } as const;

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its bytes as arguments, and a photo has millions.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function filesForUpload(files: readonly File[]): Promise<UploadedFile[]> {
  return Promise.all(
    files.map(async (f) => ({
      filename: f.name,
      ...(f.type ? { contentType: f.type } : {}),
      content: base64Of(new Uint8Array(await f.arrayBuffer())),
    })),
  );
}

/** Which limit a choice of files breaks, before anything is sent (null: none). */
export function fileLimitBroken(files: readonly File[]): 'count' | 'size' | null {
  if (files.length > PORTAL_FILE_LIMITS.files) return 'count';
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (files.some((f) => f.size > PORTAL_FILE_LIMITS.bytesEach) || total > PORTAL_FILE_LIMITS.bytesTotal) return 'size';
  return null;
}
