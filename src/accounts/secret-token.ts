import crypto from 'node:crypto';

/** A random token for a cookie or an API key, and the hash we store instead of it. */
export function newSecretToken(prefix = ''): string {
  return prefix + crypto.randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
