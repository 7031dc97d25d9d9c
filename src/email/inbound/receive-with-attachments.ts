// A customer's message with files attached in the portal (issue 16). The files are judged as
// an e-mail's are — the type from their bytes (file-type, then the markup sniffer), the
// dangers in name, declared type and bytes — but a customer uploading to us gets an answer at
// once, so a dangerous or oversized file is refused with the field named, before anything is
// stored. Accepted files are kept like e-mail attachments and served by the same download route.
import { fileTypeFromBuffer } from 'file-type';
import {
  receiveCustomerMessage,
  sendAnswer,
  type ReceiveMessageInput,
  type SendAnswerInput,
} from '../../desk/index.ts';
import type { Db } from '../../db/open-database.ts';
import { KeptError } from '../../errors/kept-error.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { attachmentDangers } from './attachment-safety.ts';
import { sniffActiveMarkup } from './sniff-markup.ts';
import { storeEmailAttachments } from './store-email-attachments.ts';

export const PORTAL_FILE_LIMITS = { files: 3, bytesEach: 4 * 1024 * 1024, bytesTotal: 8 * 1024 * 1024 } as const;

export interface UploadedFile {
  filename: string;
  contentType?: string | undefined;
  /** Base64, as JSON carries it. */
  content: string;
}

/** The files decoded and judged; throws a 4xx naming the file's field for the first refused. */
export async function checkUploadedFiles(files: readonly UploadedFile[], field = 'attachments') {
  if (files.length > PORTAL_FILE_LIMITS.files)
    throw new KeptError('request.too_large', `At most ${PORTAL_FILE_LIMITS.files} files`, { field });
  let total = 0;
  const checked = [];
  for (const [i, file] of files.entries()) {
    const content = Buffer.from(file.content, 'base64');
    total += content.length;
    const at = `${field}.${i}.content`;
    if (content.length === 0) throw new KeptError('request.invalid', 'The file is empty', { field: at });
    if (content.length > PORTAL_FILE_LIMITS.bytesEach || total > PORTAL_FILE_LIMITS.bytesTotal)
      throw new KeptError(
        'request.too_large',
        `Files may be ${PORTAL_FILE_LIMITS.bytesEach / 1024 / 1024} MB each, ` +
          `${PORTAL_FILE_LIMITS.bytesTotal / 1024 / 1024} MB together`,
        { field: at },
      );
    const detected = await fileTypeFromBuffer(content).catch(() => undefined);
    const markup = detected && detected.ext !== 'xml' ? null : sniffActiveMarkup(content);
    const detectedExt = detected?.ext ?? markup?.ext ?? null;
    const declaredType = file.contentType ?? 'application/octet-stream';
    const dangers = attachmentDangers({ filename: file.filename, declaredType, detectedExt, markup });
    if (dangers.length > 0)
      throw new KeptError('request.unsupported_media_type', `This file cannot be accepted (${dangers.join(', ')})`, {
        field: at,
      });
    checked.push({ filename: file.filename, contentType: declaredType, content, inline: false, contentId: null });
  }
  return checked;
}

/** The message through intake, then its files on it. */
export async function receiveWithAttachments(
  ctx: DeskContext,
  input: ReceiveMessageInput,
  files: readonly UploadedFile[],
) {
  const checked = await checkUploadedFiles(files);
  const received = await receiveCustomerMessage(ctx, input);
  if (checked.length > 0)
    await storeEmailAttachments(
      ctx.db,
      {
        workspaceId: input.workspaceId,
        inboundEmailId: null,
        messageId: received.messageId,
        caseId: received.caseRow.id,
      },
      checked,
    );
  return received;
}

/** An agent's answer with files: stored in the answer's transaction, so its e-mail carries them. */
export async function sendAnswerWithAttachments(
  ctx: DeskContext,
  input: Omit<SendAnswerInput, 'withMessage'>,
  files: readonly UploadedFile[],
) {
  const checked = await checkUploadedFiles(files);
  return sendAnswer(ctx, {
    ...input,
    ...(checked.length > 0
      ? {
          withMessage: (tx: Db, message: { id: string; caseId: string }) =>
            storeEmailAttachments(
              tx,
              { workspaceId: input.workspaceId, inboundEmailId: null, messageId: message.id, caseId: message.caseId },
              checked,
            ),
        }
      : {}),
  });
}
