// Per-workspace retention settings: the churn-risk weights and the two definitions of a
// lost customer. Kept in their own table (retention_settings) so the workspace settings
// document stays the desk's; defaults fill whatever an admin has not set.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open-database.ts';
import { retentionSettings } from '../db/schema-retention.ts';

export const RISK_FACTORS = [
  'overdue',
  'lowPAlive',
  'openComplaint',
  'brokenPromises',
  'serviceHell',
  'lowSurvey',
] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];

export const retentionSettingsSchema = z.strictObject({
  /** points each factor adds at full strength; the score is capped at 100 */
  riskWeights: z.strictObject(
    Object.fromEntries(RISK_FACTORS.map((f) => [f, z.number().min(0).max(100)])) as Record<RiskFactor, z.ZodNumber>,
  ),
  /** model-free: lost after k × the customer's own typical gap without a purchase */
  churnGapMultiple: z.number().min(1).max(10),
  /** model-based: lost when P(alive) falls below this */
  aliveThreshold: z.number().min(0.01).max(0.99),
  /** which purchase model scores customers (both are fitted and reported) */
  model: z.enum(['pareto-nbd', 'bgnbd']),
  horizonDays: z.number().int().min(30).max(3650),
  annualDiscountRate: z.number().min(0).max(1),
  /** the shop's currency (ISO 4217), as imported: CLV and revenue are shown in it */
  currency: currencyCode(),
});
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

/** A currency code the runtime can format ("EUR", "ILS"); shared by the settings and the route's body. */
export function currencyCode() {
  const known = new Set(Intl.supportedValuesOf('currency'));
  return z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => known.has(code), { message: 'a currency code such as USD, EUR, ILS, SAR or RUB' });
}

export function defaultRetentionSettings(): RetentionSettings {
  return {
    // Overdue against their own rhythm weighs most: it is the earliest sign in the purchase data.
    riskWeights: { overdue: 35, lowPAlive: 25, openComplaint: 15, brokenPromises: 15, serviceHell: 10, lowSurvey: 0 },
    churnGapMultiple: 2,
    aliveThreshold: 0.3,
    // Pareto/NBD by default: BG/NBD gives every one-time buyer P(alive) = 1, which hides
    // exactly the early churn (K10) these screens exist to show.
    model: 'pareto-nbd',
    horizonDays: 365,
    annualDiscountRate: 0.1,
    currency: 'USD',
  };
}

export function mergeRetentionSettings(stored: unknown): RetentionSettings {
  const base = defaultRetentionSettings();
  const s = (stored ?? {}) as Partial<RetentionSettings>;
  return { ...base, ...s, riskWeights: { ...base.riskWeights, ...(s.riskWeights ?? {}) } };
}

export async function loadRetentionSettings(db: Db, workspaceId: string): Promise<RetentionSettings> {
  const [row] = await db.select().from(retentionSettings).where(eq(retentionSettings.workspaceId, workspaceId));
  return mergeRetentionSettings(row?.settings);
}

export async function saveRetentionSettings(
  db: Db,
  workspaceId: string,
  changes: Partial<RetentionSettings>,
  now: Date,
): Promise<RetentionSettings> {
  const current = await loadRetentionSettings(db, workspaceId);
  const next = retentionSettingsSchema.parse({
    ...current,
    ...changes,
    riskWeights: { ...current.riskWeights, ...(changes.riskWeights ?? {}) },
  });
  await db
    .insert(retentionSettings)
    .values({ workspaceId, settings: next as never, updatedAt: now })
    .onConflictDoUpdate({
      target: retentionSettings.workspaceId,
      set: { settings: sql`excluded.settings`, updatedAt: now },
    });
  return next;
}
