import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KeptError } from '../errors/kept-error.ts';

// Passwords Kept must give back to another server (an IMAP mailbox, an SMTP relay) cannot be
// hashed; they are stored sealed with AES-256-GCM instead, so a copy of the database alone
// (a dump, a backup, a leaked replica) does not carry them. The key comes from KEPT_SECRET,
// the same on every instance; on the embedded store without it, from a key file made once in
// the data directory. Values stored before sealing existed (plain text) are still read, and
// sealed the next time they are saved.

const PREFIX = 'sealed:v1:';
const KEY_FILE = 'credentials.key';
let key: Buffer | null = null;

export type CredentialKeySource = 'KEPT_SECRET' | 'data directory' | 'none';

/** Chooses the sealing key once, at start (start-server.ts); PostgreSQL without KEPT_SECRET has none. */
export function loadCredentialKey(config: {
  secret: string | null;
  databaseUrl: string | null;
  dataDir: string;
}): CredentialKeySource {
  if (config.secret) {
    useCredentialSecret(config.secret);
    return 'KEPT_SECRET';
  }
  if (config.databaseUrl) {
    // Instances sharing one PostgreSQL each have their own data directory: a key file there
    // would seal with a key the others cannot open. (A key set earlier in this process —
    // only tests do that — is left as it is.)
    return key ? 'KEPT_SECRET' : 'none';
  }
  const file = path.join(config.dataDir, KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  useCredentialSecret(fs.readFileSync(file, 'utf8').trim());
  return 'data directory';
}

/** For tests: back to no key. */
export function forgetCredentialKey(): void {
  key = null;
}

export function useCredentialSecret(secret: string): void {
  if (secret.length < 16) throw new Error('KEPT_SECRET must be at least 16 characters');
  key = crypto.createHash('sha256').update('kept sealed credentials v1\0').update(secret).digest();
}

/** The stored form of a password: `sealed:v1:` + base64(iv ‖ tag ‖ ciphertext). */
export function sealCredential(plain: string): string {
  if (!key) {
    throw new KeptError(
      'secret.not_configured',
      'Kept stores passwords sealed, and has no key: set KEPT_SECRET (the same on every instance) and restart',
      { field: 'password' },
    );
  }
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
}

export function openCredential(stored: string): string;
export function openCredential(stored: string | null): string | null;
export function openCredential(stored: string | null): string | null {
  if (stored === null || !stored.startsWith(PREFIX)) return stored;
  if (!key)
    throw new KeptError(
      'secret.not_configured',
      'A stored password is sealed, and Kept has no key: set KEPT_SECRET and restart',
    );
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new KeptError(
      'secret.unreadable',
      'A stored password was sealed with another key: set the KEPT_SECRET it was saved with, or enter the password again',
    );
  }
}
