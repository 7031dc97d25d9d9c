import { describe, expect, it } from 'vitest';
import { BatchChanges } from './batch-changes.ts';
import type { InboundLookups, LookupQuestions } from './inbound-lookups.ts';

const questions = (over: Partial<LookupQuestions> = {}): LookupQuestions => ({
  headerIds: [],
  caseNumbers: [],
  fromAddress: 'ann@c.test',
  ...over,
});
const found = (over: { fromAddress?: string | null; messageIdHeader?: string | null; casesFound?: string[] } = {}) =>
  ({
    row: { fromAddress: over.fromAddress ?? 'ann@c.test', messageIdHeader: over.messageIdHeader ?? 'own@c.test' },
    casesFound: over.casesFound ?? [],
  }) as unknown as InboundLookups;

describe('what a batch changed for a later message of it', () => {
  const changes = new BatchChanges();
  changes.record({
    senders: ['Bob@C.test', 'bob-stored@c.test'],
    threadId: 'first@c.test',
    caseIds: ['case-1', null],
    openedCaseNumber: 1042,
  });

  it('leaves an unrelated message alone', () => {
    expect(changes.touches(questions(), found())).toBe(false);
  });

  it('asks again for the same sender, as parsed or as stored, in any case', () => {
    expect(changes.touches(questions({ fromAddress: 'bob@c.test' }), found())).toBe(true);
    expect(changes.touches(questions({ fromAddress: null }), found({ fromAddress: 'BOB-stored@c.test' }))).toBe(true);
  });

  it('asks again for a reply to a message of the batch, a case it wrote, or a number it opened', () => {
    expect(changes.touches(questions({ headerIds: ['first@c.test'] }), found())).toBe(true);
    expect(changes.touches(questions(), found({ casesFound: ['case-1'] }))).toBe(true);
    expect(changes.touches(questions({ caseNumbers: [1042] }), found())).toBe(true);
    expect(changes.touches(questions(), found({ messageIdHeader: 'first@c.test' }))).toBe(true);
  });
});
