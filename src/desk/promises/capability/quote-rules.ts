import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from './business-time.ts';
import { chooseGroup, type DurationSample, type SampleKeys } from './group-fallback.ts';
import { percentile } from './percentile.ts';
import { describeSpan, earliestQuotableTime, roundUpForCustomer, type RoundingStep } from './quote-rounding.ts';

export const DEFAULT_QUOTE_PERCENTILE = 90;

export interface Quote {
  kind: string;
  percentile: number;
  /** The percentile of the chosen group, in business minutes when `businessHours`. */
  minutes: number;
  businessHours: boolean;
  sampleSize: number;
  group: string;
  /** now + minutes (through the calendar when there is one), before rounding. */
  exactDueAt: Date;
  /** What is told to the customer. */
  dueAt: Date;
  rounding: RoundingStep;
}

export interface QuoteInput {
  kind: string;
  target: SampleKeys;
  samples: readonly DurationSample[];
  percentile: number;
  now: Date;
  calendar: BusinessCalendar | null;
  timeZone: string;
  minGroupSize?: number;
}

/** K4: how long similar work really took, at the chosen percentile, as a time a customer understands. */
export function computeQuote(input: QuoteInput): Quote | null {
  const group = chooseGroup(input.samples, input.target, input.minGroupSize);
  if (!group) return null;
  const useBusiness = input.calendar !== null && group.samples.every((s) => s.businessMinutes !== null);
  const values = group.samples.map((s) => (useBusiness ? s.businessMinutes! : s.minutes));
  const minutes = percentile(values, input.percentile)!;
  const exactDueAt = useBusiness
    ? addBusinessMinutes(input.now, minutes, input.calendar!)
    : new Date(input.now.getTime() + minutes * 60_000);
  const span = (exactDueAt.getTime() - input.now.getTime()) / 60_000;
  const earliest = earliestQuotableTime(input.now, span);
  const told = exactDueAt.getTime() < earliest.getTime() ? earliest : exactDueAt;
  const rounded = roundUpForCustomer(told, span, input.calendar?.timeZone ?? input.timeZone);
  return {
    kind: input.kind,
    percentile: input.percentile,
    minutes,
    businessHours: useBusiness,
    sampleSize: group.samples.length,
    group: group.level,
    exactDueAt,
    dueAt: rounded.at,
    rounding: rounded.step,
  };
}

export interface OverPromiseCheck {
  overPromise: boolean;
  /** Promised span in the quote's unit (business minutes when the quote is). */
  promisedMinutes: number;
  warning: string | null;
}

const KIND_NOUN: Record<string, string> = {
  first_response: 'first answers',
  resolution: 'resolutions',
  callback: 'callbacks',
  refund: 'refunds',
  delivery: 'deliveries',
  other: 'promises of this kind',
};

/**
 * Faster than the quote's exact time (not its rounded one: rounding up must not create
 * warnings) is an over-promise. The warning carries the numbers, in the words of issue 4:
 * "similar callbacks: 90% done within 5 h; you promised 1 h".
 */
export function checkAgainstQuote(
  dueAt: Date,
  now: Date,
  quote: Quote | null,
  calendar: BusinessCalendar | null,
): OverPromiseCheck {
  if (!quote)
    return {
      overPromise: false,
      promisedMinutes: Math.round((dueAt.getTime() - now.getTime()) / 60_000),
      warning: null,
    };
  const promisedMinutes =
    quote.businessHours && calendar
      ? businessMinutesBetween(now, dueAt, calendar)
      : Math.round((dueAt.getTime() - now.getTime()) / 60_000);
  const overPromise = dueAt.getTime() < quote.exactDueAt.getTime();
  const unit = quote.businessHours ? ' (business hours)' : '';
  const warning = overPromise
    ? `similar ${KIND_NOUN[quote.kind] ?? 'promises'}: ${quote.percentile}% done within ${describeSpan(quote.minutes)}${unit}; you promised ${describeSpan(promisedMinutes)}`
    : null;
  return { overPromise, promisedMinutes, warning };
}
