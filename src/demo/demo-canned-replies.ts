// The demo's canned replies (issue 16): shared answers in each language the desk speaks, and one
// agent's own, so Settings → Canned replies and the composer's picker show something at first start.
import type { Db } from '../db/open-database.ts';
import { createCannedReply } from '../desk/index.ts';
import type { DemoTeam } from './demo-staff.ts';

const SHARED = [
  {
    language: 'en',
    title: 'We are on it',
    body:
      'Dear {{customer_name}},\n\nThank you for your patience. Your request {{case_reference}} is with me and you ' +
      'will hear from me by {{quoted_time}}.\n\n{{agent_name}}',
  },
  {
    language: 'ar',
    title: 'نعمل على طلبك',
    body:
      'عزيزي {{customer_name}}،\n\nشكرًا لصبرك. طلبك {{case_reference}} بين يدي، وسأرد عليك قبل {{quoted_time}}.' +
      '\n\n{{agent_name}}',
  },
  {
    language: 'he',
    title: 'אנחנו מטפלים בזה',
    body:
      '{{customer_name}} שלום,\n\nתודה על הסבלנות. הפנייה {{case_reference}} אצלי ואחזור אליך עד {{quoted_time}}.' +
      '\n\n{{agent_name}}',
  },
  {
    language: 'ru',
    title: 'Мы уже занимаемся',
    body:
      'Здравствуйте, {{customer_name}}!\n\nСпасибо за терпение. Обращение {{case_reference}} у меня, я отвечу ' +
      'до {{quoted_time}}.\n\n{{agent_name}}',
  },
  {
    language: 'en',
    title: 'Refund sent',
    body:
      'Dear {{customer_name}},\n\nYour refund for {{case_reference}} is on its way: it reaches your account in ' +
      '3–5 working days.\n\n{{agent_name}}',
  },
] as const;

export async function seedDemoCannedReplies(db: Db, workspaceId: string, team: DemoTeam, now: Date): Promise<void> {
  const lead = team.people.find((p) => p.member.role === 'supervisor') ?? team.people[0]!;
  for (const reply of SHARED)
    await createCannedReply(
      db,
      { workspaceId, userId: lead.id, role: lead.member.role },
      { ...reply, shared: true },
      now,
    );
  const agent = team.people.find((p) => p.member.role === 'agent');
  if (agent)
    await createCannedReply(
      db,
      { workspaceId, userId: agent.id, role: agent.member.role },
      {
        language: 'en',
        title: 'Photo, please',
        body: 'Hello {{customer_name}}, could you attach a photo of the item to {{case_reference}} in the portal?',
        shared: false,
      },
      now,
    );
}
