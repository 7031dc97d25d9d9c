// The demo's saved views (issue 16): shared ones a supervisor set up for the desk and one agent's own,
// so the list beside the queues shows views with counts at first start.
import type { Db } from '../db/open-database.ts';
import { createSavedView } from '../desk/index.ts';
import type { DemoTeam } from './demo-staff.ts';

const SHARED = [
  { name: 'Urgent and high, still open', filters: { view: 'open', priority: 'urgent,high' } },
  { name: 'Phone and chat, waiting longest', filters: { view: 'open', channel: 'phone,chat', sort: 'waiting' } },
  { name: 'Promises due', filters: { view: 'open', promiseDue: 'true' } },
  { name: 'عملاء بالعربية', filters: { view: 'open', language: 'ar' } },
] as const;

export async function seedDemoSavedViews(db: Db, workspaceId: string, team: DemoTeam, now: Date): Promise<void> {
  const lead = team.people.find((p) => p.member.role === 'supervisor') ?? team.people[0]!;
  for (const view of SHARED)
    await createSavedView(
      db,
      { workspaceId, userId: lead.id, role: lead.member.role },
      { name: view.name, filters: { ...view.filters }, shared: true },
      now,
    );
  const agent = team.people.find((p) => p.member.role === 'agent');
  if (agent)
    await createSavedView(
      db,
      { workspaceId, userId: agent.id, role: agent.member.role },
      { name: 'My e-mail', filters: { view: 'mine', channel: 'email' }, shared: false },
      now,
    );
}
