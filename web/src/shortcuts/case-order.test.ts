import { describe, expect, it } from 'vitest';
import { neighbourCase, rememberCaseOrder } from './case-order.ts';

describe('walking the queue with j and k', () => {
  const order = ['a', 'b', 'c'];

  it('finds the next and the previous case', () => {
    expect(neighbourCase(order, 'b', 1)).toBe('c');
    expect(neighbourCase(order, 'b', -1)).toBe('a');
  });

  it('stops at either end and off the list', () => {
    expect(neighbourCase(order, 'c', 1)).toBeNull();
    expect(neighbourCase(order, 'a', -1)).toBeNull();
    expect(neighbourCase(order, 'z', 1)).toBeNull();
  });

  it('remembers a queue once per case, in its order', () => {
    rememberCaseOrder(['b', 'a', 'b', 'c']);
    expect(JSON.parse(sessionStorage.getItem('kept.caseOrder') ?? '[]')).toEqual(['b', 'a', 'c']);
  });
});
