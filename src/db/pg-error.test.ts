import { describe, expect, it } from 'vitest';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { errorReason, pgErrorCode } from './pg-error.ts';

describe('a failed query in a log line', () => {
  it('is the driver’s reason, not drizzle’s copy of the statement', () => {
    const driver = Object.assign(new Error('Cannot use a pool after calling end on the pool'), { code: undefined });
    const wrapped = new DrizzleQueryError('insert into pgboss.job_common (id, name, data) values ($1, $2, $3)', ['x', 'y', '{}'], driver);
    expect(wrapped.message).toContain('Failed query');
    expect(errorReason(wrapped)).toBe('Cannot use a pool after calling end on the pool');
  });

  it('keeps the SQLSTATE reachable through the wrapper, and other errors as they are', () => {
    const unique = Object.assign(new Error('duplicate key value violates unique constraint "customers_workspace_email_key"'), { code: '23505' });
    const wrapped = new DrizzleQueryError('insert into customers …', [], unique);
    expect(pgErrorCode(wrapped)).toBe('23505');
    expect(errorReason(wrapped)).toContain('customers_workspace_email_key');
    expect(errorReason(new Error('plain'))).toBe('plain');
    expect(errorReason('a string')).toBe('a string');
  });
});
