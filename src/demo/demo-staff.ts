import type { Role } from '../contract/api-types.ts';
import type { Db } from '../db/open-database.ts';
import { createUser, updateUser } from '../accounts/index.ts';
import { createTeam } from '../teams/index.ts';
import type { DemoLanguage } from './demo-messages.ts';
import type { DemoRandom } from './demo-random.ts';

// The demo company's staff: ten people, agents speaking English, Arabic, Hebrew and Russian in
// different combinations, two supervisors and one admin, in three teams by language. Every
// account gets the --password.

export interface DemoStaffMember {
  key: string;
  name: string;
  email: string;
  role: Role;
  languages: DemoLanguage[];
  capacity: number;
  /** How the name is written in the other scripts this person signs in. */
  written?: Partial<Record<DemoLanguage, string>>;
  /** The queue they work in (the admin is in none). */
  team?: DemoTeamName;
}

/** Teams by the languages they answer in, so the dashboard's per-team figures mean something. */
export const DEMO_TEAMS = ['Arabic & Hebrew desk', 'Russian desk', 'English desk'] as const;
export type DemoTeamName = (typeof DEMO_TEAMS)[number];

export const DEMO_ADMIN_EMAIL = 'admin@demo.kept.test';

export const DEMO_STAFF: readonly DemoStaffMember[] = [
  {
    key: 'maya',
    name: 'Maya Levin',
    email: DEMO_ADMIN_EMAIL,
    role: 'admin',
    languages: ['en', 'he'],
    capacity: 10,
    written: { he: 'מאיה לוין' },
  },
  {
    key: 'samira',
    name: 'Samira Haddad',
    email: 'samira.haddad@demo.kept.test',
    role: 'supervisor',
    team: 'Arabic & Hebrew desk',
    languages: ['en', 'ar', 'he'],
    capacity: 15,
    written: { ar: 'سميرة حداد', he: 'סמירה חדאד' },
  },
  {
    key: 'oleg',
    name: 'Oleg Petrov',
    email: 'oleg.petrov@demo.kept.test',
    role: 'supervisor',
    team: 'Russian desk',
    languages: ['en', 'ru'],
    capacity: 15,
    written: { ru: 'Олег Петров' },
  },
  {
    key: 'omar',
    name: 'Omar Khalil',
    email: 'omar.khalil@demo.kept.test',
    role: 'agent',
    team: 'Arabic & Hebrew desk',
    languages: ['ar', 'en'],
    capacity: 25,
    written: { ar: 'عمر خليل' },
  },
  {
    key: 'layla',
    name: 'Layla Nasser',
    email: 'layla.nasser@demo.kept.test',
    role: 'agent',
    team: 'Arabic & Hebrew desk',
    languages: ['ar', 'he', 'en'],
    capacity: 20,
    written: { ar: 'ليلى ناصر', he: 'ליילה נאסר' },
  },
  {
    key: 'noa',
    name: 'Noa Cohen',
    email: 'noa.cohen@demo.kept.test',
    role: 'agent',
    team: 'Arabic & Hebrew desk',
    languages: ['he', 'en'],
    capacity: 22,
    written: { he: 'נועה כהן' },
  },
  {
    key: 'yosef',
    name: 'Yosef Mizrahi',
    email: 'yosef.mizrahi@demo.kept.test',
    role: 'agent',
    team: 'Russian desk',
    languages: ['he', 'ru'],
    capacity: 18,
    written: { he: 'יוסף מזרחי', ru: 'Йосеф Мизрахи' },
  },
  {
    key: 'anna',
    name: 'Anna Sokolova',
    email: 'anna.sokolova@demo.kept.test',
    role: 'agent',
    team: 'Russian desk',
    languages: ['ru', 'en'],
    capacity: 24,
    written: { ru: 'Анна Соколова' },
  },
  {
    key: 'dmitri',
    name: 'Dmitri Volkov',
    email: 'dmitri.volkov@demo.kept.test',
    role: 'agent',
    team: 'Russian desk',
    languages: ['ru', 'he'],
    capacity: 18,
    written: { ru: 'Дмитрий Волков', he: 'דמיטרי וולקוב' },
  },
  {
    key: 'emily',
    name: 'Emily Carter',
    email: 'emily.carter@demo.kept.test',
    role: 'agent',
    team: 'English desk',
    languages: ['en'],
    capacity: 30,
  },
];

export interface DemoStaff {
  member: DemoStaffMember;
  id: string;
}

/** The name as a customer writing in `language` reads it: "Layla Nasser" in English, "ليلى ناصر" in Arabic. */
export function writtenName(person: DemoStaff, language: DemoLanguage, firstOnly = false): string {
  const name = person.member.written?.[language] ?? person.member.name;
  return firstOnly ? name.split(' ')[0]! : name;
}

export class DemoTeam {
  constructor(readonly people: DemoStaff[]) {}

  byId(id: string): DemoStaff {
    const person = this.people.find((p) => p.id === id);
    if (!person) throw new Error(`The demo team has no user ${id}`);
    return person;
  }

  byKey(key: string): DemoStaff {
    const person = this.people.find((p) => p.member.key === key);
    if (!person) throw new Error(`The demo team has no "${key}"`);
    return person;
  }

  agents(language?: DemoLanguage): DemoStaff[] {
    return this.people.filter((p) => p.member.role === 'agent' && (!language || p.member.languages.includes(language)));
  }

  /** The supervisor (or the admin) who answers a customer in this language. */
  supervisorFor(language: DemoLanguage, random?: DemoRandom): DemoStaff {
    const leads = this.people.filter((p) => p.member.role !== 'agent');
    const speakers = leads.filter((p) => p.member.role === 'supervisor' && p.member.languages.includes(language));
    if (speakers.length > 0) return random ? random.pick(speakers) : speakers[0]!;
    return leads.find((p) => p.member.languages.includes(language)) ?? leads[0]!;
  }
}

/** The admin comes with the workspace; the others are created here, through the real operation. */
export async function createDemoStaff(
  db: Db,
  workspaceId: string,
  adminId: string,
  password: string,
): Promise<DemoTeam> {
  const people: DemoStaff[] = [];
  const teamIds = new Map<DemoTeamName, string>();
  for (const name of DEMO_TEAMS) teamIds.set(name, (await createTeam(db, workspaceId, name)).id);
  for (const member of DEMO_STAFF) {
    if (member.role === 'admin') {
      await updateUser(db, workspaceId, adminId, { languages: member.languages, capacity: member.capacity });
      people.push({ member, id: adminId });
      continue;
    }
    const teamId = member.team ? (teamIds.get(member.team) ?? null) : null;
    const row = await createUser(db, {
      workspaceId,
      name: member.name,
      email: member.email,
      password,
      role: member.role,
      languages: member.languages,
      capacity: member.capacity,
      teamId,
    });
    people.push({ member, id: row.id });
  }
  return new DemoTeam(people);
}
