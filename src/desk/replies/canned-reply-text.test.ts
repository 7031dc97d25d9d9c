import { describe, expect, it } from 'vitest';
import { expectLinear } from '../../../tests/support/linear-time.test-kit.ts';
import { fillPlaceholders, unknownPlaceholders } from './canned-reply-text.ts';

describe('canned reply placeholders', () => {
  it('fills the customer name, reference, quoted time and agent, in any language', () => {
    const filled = fillPlaceholders(
      'مرحبًا {{customer_name}}، طلبك {{ case_reference }} — {{quoted_time}}. {{agent_name}}',
      {
        customer_name: 'أحمد',
        case_reference: 'K-12',
        quoted_time: 'الثلاثاء 24 نوفمبر، 15:00',
        agent_name: 'Layla',
      },
    );
    expect(filled).toEqual({ text: 'مرحبًا أحمد، طلبك K-12 — الثلاثاء 24 نوفمبر، 15:00. Layla', missing: [] });
  });

  it('leaves out a placeholder the case has no value for, and says which', () => {
    expect(fillPlaceholders('By {{quoted_time}}, {{customer_name}}.', { customer_name: 'Mara' })).toEqual({
      text: 'By , Mara.',
      missing: ['quoted_time'],
    });
  });

  it('names placeholders it does not know and keeps them as written', () => {
    expect(unknownPlaceholders('Hi {{customer_nmae}} {{customer_name}} {{x}}')).toEqual(['customer_nmae', 'x']);
    expect(fillPlaceholders('{{nope}}', {}).text).toBe('{{nope}}');
  });

  it('reads a hostile text in time linear in its size', () => {
    const make = (n: number) => '{{ a'.repeat(Math.ceil(n / 4)).slice(0, n);
    expectLinear((text) => fillPlaceholders(text, {}), make);
    expectLinear((text) => unknownPlaceholders(text), make);
  });
});
