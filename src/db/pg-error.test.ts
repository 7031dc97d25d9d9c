import { describe, expect, it } from 'vitest';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { errorReason, foreignKeyViolation, pgErrorCode } from './pg-error.ts';

describe('a failed query in a log line', () => {
  it('is the driver’s reason, not drizzle’s copy of the statement', () => {
    const driver = Object.assign(new Error('Cannot use a pool after calling end on the pool'), { code: undefined });
    const wrapped = new DrizzleQueryError(
      'insert into pgboss.job_common (id, name, data) values ($1, $2, $3)',
      ['x', 'y', '{}'],
      driver,
    );
    expect(wrapped.message).toContain('Failed query');
    expect(errorReason(wrapped)).toBe('Cannot use a pool after calling end on the pool');
  });

  it('keeps the SQLSTATE reachable through the wrapper, and other errors as they are', () => {
    const unique = Object.assign(
      new Error('duplicate key value violates unique constraint "customers_workspace_email_key"'),
      { code: '23505' },
    );
    const wrapped = new DrizzleQueryError('insert into customers …', [], unique);
    expect(pgErrorCode(wrapped)).toBe('23505');
    expect(errorReason(wrapped)).toContain('customers_workspace_email_key');
    expect(errorReason(new Error('plain'))).toBe('plain');
    expect(errorReason('a string')).toBe('a string');
  });
});

describe('a foreign-key violation', () => {
  const violation = (detail: string) => {
    const driver = Object.assign(new Error('violates foreign key'), { code: '23503', detail });
    return foreignKeyViolation(new DrizzleQueryError('insert …', [], driver));
  };
  const missing = (field: string | undefined) => ({ kind: 'missing', field });

  it('names the field the API calls it, the column besides workspace_id of a composite key', () => {
    expect(violation('Key (owner_id)=(5d9c…) is not present in table "users".')).toEqual(missing('ownerId'));
    expect(violation('Key (workspace_id, case_id)=(1, 2) is not present in table "cases".')).toEqual(missing('caseId'));
    expect(violation('Key (workspace_id)=(1) is not present in table "workspaces".')).toEqual(missing('workspaceId'));
  });

  it('tells a delete that leaves rows pointing at it from a write naming nothing; other errors are not one', () => {
    const inUse = violation('Key (id)=(7) is still referenced from table "cases".');
    expect(inUse).toEqual({ kind: 'still_referenced', field: 'id' });
    expect(violation('')).toEqual(missing(undefined));
    expect(foreignKeyViolation(Object.assign(new Error('dup'), { code: '23505' }))).toBeUndefined();
  });
});
