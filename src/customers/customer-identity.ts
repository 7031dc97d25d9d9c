import { customers } from '../db/schema.ts';

export interface CustomerIdentity {
  id?: string;
  name?: string;
  email?: string | null;
  phone?: string | null;
  language?: string | null;
}

export type CustomerRow = typeof customers.$inferSelect;

export function normalizeEmail(email: string | null | undefined): string | null {
  const trimmed = email?.trim().toLowerCase();
  return trimmed ? trimmed : null;
}
