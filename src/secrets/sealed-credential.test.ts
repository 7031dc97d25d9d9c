import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  forgetCredentialKey,
  loadCredentialKey,
  openCredential,
  sealCredential,
  useCredentialSecret,
} from './sealed-credential.ts';

describe('sealed credentials', () => {
  afterEach(() => useCredentialSecret('a test secret of enough length'));

  it('seals a password so that the stored text does not contain it, and opens it again', () => {
    useCredentialSecret('a test secret of enough length');
    const stored = sealCredential('hunter2-пароль-סיסמה');
    expect(stored).toMatch(/^sealed:v1:/);
    expect(stored).not.toContain('hunter2');
    expect(sealCredential('hunter2-пароль-סיסמה')).not.toBe(stored); // a fresh IV each time
    expect(openCredential(stored)).toBe('hunter2-пароль-סיסמה');
  });

  it('reads a password stored before sealing existed as it is', () => {
    expect(openCredential('plain-old-password')).toBe('plain-old-password');
    expect(openCredential(null)).toBeNull();
  });

  it('refuses to open with another key, with a code that says so', () => {
    useCredentialSecret('the first secret, long enough');
    const stored = sealCredential('s3cret');
    useCredentialSecret('another secret, long enough');
    expect(() => openCredential(stored)).toThrow(expect.objectContaining({ code: 'secret.unreadable' }));
  });

  it('on PostgreSQL without KEPT_SECRET has no key, and will not store a password in the clear', () => {
    forgetCredentialKey();
    expect(loadCredentialKey({ secret: null, databaseUrl: 'postgres://x/y', dataDir: '/nonexistent' })).toBe('none');
    expect(() => sealCredential('s3cret')).toThrow(
      expect.objectContaining({ code: 'secret.not_configured', status: 409 }),
    );
  });

  it('on the embedded store makes a key file once, private to its owner, and keeps using it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kept-secret-'));
    try {
      expect(loadCredentialKey({ secret: null, databaseUrl: null, dataDir: dir })).toBe('data directory');
      const stored = sealCredential('s3cret');
      const file = path.join(dir, 'credentials.key');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      loadCredentialKey({ secret: null, databaseUrl: null, dataDir: dir }); // a restart
      expect(openCredential(stored)).toBe('s3cret');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prefers KEPT_SECRET, and refuses a short one', () => {
    expect(
      loadCredentialKey({
        secret: 'a long enough shared secret',
        databaseUrl: 'postgres://x/y',
        dataDir: '/nonexistent',
      }),
    ).toBe('KEPT_SECRET');
    expect(() => useCredentialSecret('short')).toThrow(/16 characters/);
  });
});
