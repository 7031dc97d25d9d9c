import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { cases } from '../db/schema.ts';
import { recordExpectation } from '../desk/index.ts';
import { TOPICS } from './demo-messages.ts';
import { DemoRandom } from './demo-random.ts';

// What the survey report groups the demo's answers by, beside the scores (issue 15): the kind of
// case, and what the customer expected at intake ("by when do you expect an answer?") against
// what the desk delivered. Both were empty on the demo: nothing set a case's kind, and no demo
// customer answered the expectation question.

/** The kind of case of each demo topic (TOPICS' order): the free category the reports group by. */
const KIND_OF_TOPIC = [
  'delivery',
  'billing',
  'repair',
  'repair',
  'warranty',
  'delivery',
  'technician visit',
  'returns',
  'setup',
  'pricing',
] as const;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Each topic's subjects in every language, their placeholders matching anything. */
const SUBJECTS = TOPICS.map(
  (topic, i) =>
    [
      new RegExp(
        `^(?:${Object.values(topic.subject)
          .map((s) => escape(s).replace(/\\\{\w+\\\}/g, '.+?'))
          .join('|')})$`,
      ),
      KIND_OF_TOPIC[i] ?? 'other',
    ] as const,
);

export function demoKindOfCase(subject: string | null): string {
  return SUBJECTS.find(([pattern]) => pattern.test(subject ?? ''))?.[1] ?? 'other';
}

/**
 * The agents file each new case under its kind, soon after it arrives (the story calls this every
 * demo hour): before it is resolved, so its survey carries the kind. One query when nothing is new.
 */
export async function fileNewDemoCases(db: Db, workspaceId: string): Promise<void> {
  const fresh = await db
    .select({ id: cases.id, subject: cases.subject })
    .from(cases)
    .where(and(eq(cases.workspaceId, workspaceId), isNull(cases.category)));
  const byKind = new Map<string, string[]>();
  for (const c of fresh) {
    const kind = demoKindOfCase(c.subject);
    byKind.set(kind, [...(byKind.get(kind) ?? []), c.id]);
  }
  for (const [kind, ids] of byKind)
    await db
      .update(cases)
      .set({ category: kind })
      .where(and(eq(cases.workspaceId, workspaceId), inArray(cases.id, ids)));
}

/** How soon customers expect an answer: most "today" or "tomorrow", a few within the hour. */
const CHOICES = ['hour', 'today', 'tomorrow', 'week'] as const;
const WEIGHTS = [0.12, 0.38, 0.33, 0.17];

/**
 * The intake question's answers, as the demo's customers gave them: most who wrote in the portal
 * (the form asks it), some who wrote by e-mail (the acknowledgement's link), recorded at the
 * moment each case arrived. Whether each expectation was met is the desk's real first answer.
 */
export async function seedDemoExpectations(
  db: Db,
  input: { workspaceId: string; timeZone: string; seed: number },
): Promise<void> {
  const rows = await db
    .select({ id: cases.id, number: cases.number, channel: cases.channel, createdAt: cases.createdAt })
    .from(cases)
    .where(and(eq(cases.workspaceId, input.workspaceId), inArray(cases.channel, ['portal', 'email'])));
  for (const row of rows) {
    const r = DemoRandom.derive(input.seed, `expectation-${row.number}`);
    if (!r.chance(row.channel === 'portal' ? 0.7 : 0.3)) continue;
    let pick = r.next();
    const index = WEIGHTS.findIndex((w) => (pick -= w) < 0);
    await recordExpectation(db, {
      workspaceId: input.workspaceId,
      caseId: row.id,
      choice: CHOICES[index < 0 ? 1 : index]!,
      source: row.channel === 'portal' ? 'portal_form' : 'expect_link',
      now: row.createdAt,
      timeZone: input.timeZone,
    });
  }
}
