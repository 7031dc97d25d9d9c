import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { sealCredential } from '../../secrets/index.ts';
import { emailSettings, supportAddresses } from '../../db/schema-email.ts';
import type { EmailSettingsUpdate, EmailSettingsView } from '../../contract/email-outbound-types.ts';
import { loadWorkspace } from '../../workspaces/index.ts';

export type EmailSettingsRow = typeof emailSettings.$inferSelect;

export type { EmailSettingsView };
export type EmailSettingsInput = EmailSettingsUpdate;

export async function loadEmailSettings(db: Db, workspaceId: string): Promise<EmailSettingsRow | null> {
  const [row] = await db.select().from(emailSettings).where(eq(emailSettings.workspaceId, workspaceId));
  return row ?? null;
}

export function presentEmailSettings(row: EmailSettingsRow | null): EmailSettingsView {
  return {
    smtpHost: row?.smtpHost ?? null,
    smtpPort: row?.smtpPort ?? 587,
    smtpSecure: row?.smtpSecure ?? false,
    smtpUser: row?.smtpUser ?? null,
    passwordSet: !!row?.smtpPassword,
    fromAddress: row?.fromAddress ?? null,
    fromName: row?.fromName ?? null,
    usesDevelopmentSink: !row?.smtpHost,
  };
}

export async function saveEmailSettings(
  db: Db,
  workspaceId: string,
  input: EmailSettingsInput,
  now: Date,
): Promise<EmailSettingsView> {
  const values = {
    ...(input.smtpHost !== undefined ? { smtpHost: input.smtpHost || null } : {}),
    ...(input.smtpPort !== undefined ? { smtpPort: input.smtpPort } : {}),
    ...(input.smtpSecure !== undefined ? { smtpSecure: input.smtpSecure } : {}),
    ...(input.smtpUser !== undefined ? { smtpUser: input.smtpUser || null } : {}),
    ...(input.smtpPassword !== undefined
      ? { smtpPassword: input.smtpPassword ? sealCredential(input.smtpPassword) : null }
      : {}),
    ...(input.fromAddress !== undefined ? { fromAddress: input.fromAddress?.toLowerCase() || null } : {}),
    ...(input.fromName !== undefined ? { fromName: input.fromName || null } : {}),
    updatedAt: now,
  };
  const [row] = await db
    .insert(emailSettings)
    .values({ workspaceId, ...values })
    .onConflictDoUpdate({ target: emailSettings.workspaceId, set: values })
    .returning();
  return presentEmailSettings(row!);
}

export interface SenderIdentity {
  from: { address: string; name: string };
  /** The address replies go to (its per-case plus-address is the Reply-To); null if none is known. */
  supportAddress: string | null;
  slug: string;
  /** For mail whose row and case name no language. */
  defaultLanguage: string;
}

/** From: the configured address, else the first support address, else a local placeholder
 * (development). Reply-To is built on the first support address, else the from-address. */
export async function senderIdentity(
  db: Db,
  workspaceId: string,
  settings: EmailSettingsRow | null,
): Promise<SenderIdentity> {
  const workspace = await loadWorkspace(db, workspaceId);
  const [support] = await db
    .select({ address: supportAddresses.address })
    .from(supportAddresses)
    .where(eq(supportAddresses.workspaceId, workspaceId))
    .limit(1);
  // Not the settings' supportEmail: that is a person-facing contact (by default the admin's own
  // address), and replies to it would never reach Kept's listener.
  const supportAddress = support?.address ?? settings?.fromAddress ?? null;
  return {
    from: {
      address: settings?.fromAddress ?? supportAddress ?? `support@${workspace.slug}.kept.local`,
      name: settings?.fromName ?? workspace.name,
    },
    supportAddress: supportAddress ?? null,
    slug: workspace.slug,
    defaultLanguage: workspace.defaultLanguage,
  };
}
