import argon2 from 'argon2';
import { KeptError } from '../errors/kept-error.ts';

export const MIN_PASSWORD_LENGTH = 10;

export function assertPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new KeptError('request.invalid', `The password must have at least ${MIN_PASSWORD_LENGTH} characters`, {
      field: 'password',
    });
  }
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
