// The public face of src/email/: other folders import from here only (the lint forbids
// deeper imports). Added to by scripts/restructure/restructure.mjs when an outsider needs a name.
export {
  addMailbox,
  listMailboxes,
  loadMailbox,
  presentMailbox,
  removeMailbox,
  testMailboxConnection,
} from './imap/imap-mailboxes.ts';
export { mailboxHealth } from './imap/mailbox-health.ts';
export { pollMailbox } from './imap/poll-mailbox.ts';
export { InboundProcessor } from './inbound/inbound-processor.ts';
export { receiveStoredInbound } from './inbound/inbound-hand-off.ts';
export { startSmtpListener } from './inbound/smtp-listener.ts';
export type { SmtpListener } from './inbound/smtp-listener.ts';
export { addSupportAddress, listSupportAddresses, removeSupportAddress } from './inbound/support-addresses.ts';
export { EMAIL_JOB_DEFINITIONS } from './outbound/email-jobs.ts';
export { loadEmailSettings, presentEmailSettings, saveEmailSettings } from './outbound/email-settings.ts';
export { startEmailWorkers } from './outbound/email-workers.ts';
export { listSinkMessages } from './outbound/list-sink-messages.ts';
export { safeFilename } from './inbound/safe-filename.ts';
export {
  PORTAL_FILE_LIMITS,
  receiveWithAttachments,
  sendAnswerWithAttachments,
} from './inbound/receive-with-attachments.ts';
