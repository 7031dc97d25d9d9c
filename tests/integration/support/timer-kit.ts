import { eq } from 'drizzle-orm';
import type { Store } from '../../../src/db/open-database.ts';
import { events } from '../../../src/db/schema.ts';
import type { DeskContext } from '../../../src/kernel/desk-context.ts';
import { makePromise } from '../../../src/desk/promises/make-promise.ts';
import { receiveCustomerMessage } from '../../../src/desk/cases/receive-customer-message.ts';
import { createWorkspace } from '../../../src/workspaces/create-workspace.ts';
import { createUser } from '../../../src/accounts/create-user.ts';

export async function waitFor<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
  everyMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, everyMs));
    value = await probe();
  }
  return value;
}

/**
 * A workspace with one agent and `count` cases, each with a callback promise due at `dueAt(i)`
 * (a function, so that callers choose between "a fixed time after its own creation" and "all at once").
 */
export async function seedPromises(ctx: DeskContext, count: number, dueAt: (i: number) => Date): Promise<string[]> {
  const tag = Math.random().toString(36).slice(2, 8);
  const { workspace } = await createWorkspace(ctx.db, {
    workspaceName: `Twin ${tag}`,
    adminName: 'Ada',
    adminEmail: `twin-admin-${tag}@kept.test`,
    password: 'twin-password-1',
    language: 'en',
    slug: `twin-${tag}`,
  });
  const agent = await createUser(ctx.db, {
    workspaceId: workspace.id,
    name: 'Agent',
    email: `twin-agent-${tag}@kept.test`,
    password: 'twin-password-1',
    role: 'agent',
    languages: ['en'],
  });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const received = await receiveCustomerMessage(ctx, {
      workspaceId: workspace.id,
      customer: { name: `Customer ${i}`, email: `c${i}-${tag}@example.com` },
      channel: 'web',
      body: `Please call me back, request ${i}`,
    });
    const promise = await ctx.db.transaction((tx) =>
      makePromise(
        { ...ctx, db: tx as never },
        {
          workspaceId: workspace.id,
          caseId: received.caseRow.id,
          customerId: received.customer.id,
          ownerId: agent.id,
          kind: 'callback',
          channel: 'phone',
          description: `Callback ${i}`,
          dueAt: dueAt(i),
          actorUserId: agent.id,
          reminderMinutes: 30,
        },
      ),
    );
    ids.push(promise.id);
  }
  return ids;
}

/** How many `promise.broken` facts each of these promises has. */
export async function brokenCounts(store: Store, promiseIds: string[]): Promise<Map<string, number>> {
  const rows = await store.db.select({ data: events.data }).from(events).where(eq(events.type, 'promise.broken'));
  const counts = new Map<string, number>();
  for (const row of rows) {
    const id = row.data.promiseId as string;
    if (promiseIds.includes(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
