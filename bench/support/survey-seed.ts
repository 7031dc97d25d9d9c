/**
 * Set-based seed for bench/surveys.ts (insert … select generate_series on PostgreSQL, after the
 * migrations): agents in teams, customers, resolved cases spread over two years (some of them
 * complaints), one satisfaction survey per case and one NPS survey per customer, with the events
 * the reports read (`survey.sent`, `survey.answered`, carrying the facts as send-survey.ts and
 * answer-survey.ts write them). The non-unique indexes of the big tables are dropped before and
 * rebuilt after (as a restore would). Also the send backlog: fresh customers with a resolved
 * case and a scheduled survey each, who have never been surveyed (so the 30-day rule lets them through).
 */
import type pg from 'pg';
import { fmt } from './bench-kit.ts';

export interface SurveySeedSize {
  cases: number;
  customers: number;
  agents: number;
  teams: number;
  /** Share of satisfaction surveys answered; NPS answers make up the rest of the answers. */
  answeredShare: number;
  days: number;
}

const uuidOf = (prefix: string, i: string) => `('00000000-0000-4000-${prefix}-' || lpad(to_hex(${i}), 12, '0'))::uuid`;
export const caseId = (i: string) => uuidOf('8000', i);
export const customerId = (i: string) => uuidOf('9000', i);
export const agentId = (i: string) => uuidOf('b000', i);
export const teamId = (i: string) => uuidOf('c000', i);
export const surveyId = (i: string) => uuidOf('a000', i);
/** NPS surveys: one per customer, after the satisfaction ones. */
export const npsSurveyId = (i: string) => uuidOf('a100', i);
export const sendSurveyId = (i: string) => uuidOf('a200', i);

const CHANNELS = `array['email','email','email','portal','chat','phone']`;
const LANGUAGES = `array['en','ar','he','ru']`;
const KINDS = `array['billing','delivery','returns','technical','account']`;

type Step = (label: string, text: string) => Promise<void>;

function stepper(client: pg.Client): Step {
  return async (label, text) => {
    const t0 = performance.now();
    const res = await client.query(text);
    process.stderr.write(`  ${label}: ${res.rowCount ?? ''} rows in ${fmt((performance.now() - t0) / 1000, 1)} s\n`);
  };
}

/** Non-unique, non-primary indexes of a table: dropped before a bulk insert, recreated after. */
async function secondaryIndexes(client: pg.Client, tables: string[]): Promise<Array<{ name: string; def: string }>> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
       join pg_class c on c.relname = i.indexname join pg_index x on x.indexrelid = c.oid
     where i.schemaname = 'public' and i.tablename = any($1) and not x.indisunique and not x.indisprimary`,
    [tables],
  );
  return rows;
}

export async function seedSurveys(
  client: pg.Client,
  workspaceId: string,
  size: SurveySeedSize,
  now: Date,
): Promise<void> {
  const step = stepper(client);
  const ws = `'${workspaceId}'`;
  const nowSql = `'${now.toISOString()}'::timestamptz`;
  const { cases: C, customers: K, agents: A, teams: T, days } = size;
  const answeredPct = Math.round(size.answeredShare * 100);
  await client.query(`set synchronous_commit = off`);
  await client.query(`set maintenance_work_mem = '256MB'`);
  const indexes = await secondaryIndexes(client, ['cases', 'events', 'survey_requests', 'customers']);
  for (const i of indexes) await client.query(`drop index ${i.name}`);
  process.stderr.write(`  dropped ${indexes.length} secondary indexes\n`);
  await client.query(`alter table events disable trigger events_notify`);
  // The case tally's trigger would look up each new case's customer without the indexes: rebuilt after.
  await client.query(`alter table cases disable trigger cases_tally_insert`);
  await step(
    'teams',
    `insert into teams (id, workspace_id, name) select ${teamId('g')}, ${ws}, 'Team ' || g
     from generate_series(1, ${T}) g`,
  );
  await step(
    'agents',
    `insert into users (id, workspace_id, email, name, role, password_hash, languages, team_id)
     select ${agentId('g')}, ${ws}, 'agent' || g || '@bench.test', 'Agent ' || g, 'agent', 'x', array['en'],
            ${teamId(`(1 + g % ${T})`)}
     from generate_series(1, ${A}) g`,
  );
  await step(
    'customers',
    `insert into customers (id, workspace_id, name, email, language, created_at)
     select ${customerId('g')}, ${ws}, 'Customer ' || g, 'customer' || g || '@bench.test',
            (${LANGUAGES})[1 + g % 4], ${nowSql} - interval '800 days'
     from generate_series(1, ${K}) g`,
  );
  // Case g: customer 1 + g % K, created evenly over `days` (newest last), resolved a day later;
  // one in 50 is a complaint (its kind and source as mark-complaint.ts writes them).
  const at = (g: string) => `${nowSql} - (${C} - ${g}) * interval '${(days * 86_400) / C} seconds'`;
  await step(
    'cases',
    `insert into cases (id, workspace_id, customer_id, subject, status, channel, language, category, owner_id,
                        is_complaint, complaint_kind, complaint_source, complaint_reason, complaint_marked_at,
                        created_at, updated_at)
     select ${caseId('g')}, ${ws}, ${customerId(`(1 + g % ${K})`)}, 'Order ' || (10000 + g),
            case when g % 97 = 0 then 'open' else 'closed' end, (${CHANNELS})[1 + g % 6], (${LANGUAGES})[1 + g % 4],
            (${KINDS})[1 + (g / 7) % 5], ${agentId(`(1 + g % ${A})`)},
            g % 50 = 0, case when g % 50 = 0 then (array['product','staff','billing','delivery'])[1 + (g / 50) % 4] end,
            case when g % 50 = 0 then (array['agent','customer_words','survey','supervisor_request'])[1 + (g / 50) % 4] end,
            case when g % 50 = 0 then 'bench' end, case when g % 50 = 0 then ${at('g')} + interval '1 hour' end,
            ${at('g')}, ${at('g')} + interval '1 day'
     from generate_series(1, ${C}) g`,
  );
  // A skewed score: agent g's mean drifts with g so that groups differ in mean and spread.
  const score = (g: string) =>
    `greatest(1, least(5, 1 + ((${g}::bigint * 2654435761) % 1000) / 200 + case when ${g} % ${A} < ${A / 4} then 0 else 1 end))`;
  await step(
    'satisfaction surveys',
    `insert into survey_requests (id, workspace_id, dedupe_key, kind, case_id, customer_id, channel, language,
                                  status, send_at, sent_at, answered_at, score, comment, created_at)
     select ${surveyId('g')}, ${ws}, 'case:' || ${caseId('g')}, 'satisfaction', ${caseId('g')},
            ${customerId(`(1 + g % ${K})`)}, (${CHANNELS})[1 + g % 6], (${LANGUAGES})[1 + g % 4],
            case when g % 100 < ${answeredPct} then 'answered' else 'sent' end,
            ${at('g')} + interval '1 day 2 hours', ${at('g')} + interval '1 day 2 hours',
            case when g % 100 < ${answeredPct} then ${at('g')} + interval '1 day 5 hours' end,
            case when g % 100 < ${answeredPct} then ${score('g')} end,
            case when g % 100 < ${answeredPct} and g % 9 = 0 then 'Bench comment ' || g end, ${at('g')} + interval '1 day'
     from generate_series(1, ${C}) g`,
  );
  // NPS: customer k, about their case k (cases 1..K are theirs: customer 1 + g % K), answered by all.
  await step(
    'NPS surveys',
    `insert into survey_requests (id, workspace_id, dedupe_key, kind, case_id, customer_id, channel, language,
                                  status, send_at, sent_at, answered_at, score, comment, created_at)
     select ${npsSurveyId('k')}, ${ws}, 'nps:' || ${customerId('k')} || ':0', 'nps', ${caseId(`(${K} * 3 + k - 1)`)},
            ${customerId('k')}, 'email', (${LANGUAGES})[1 + k % 4], 'answered',
            ${at(`(${K} * 3 + k)`)} + interval '31 days', ${at(`(${K} * 3 + k)`)} + interval '31 days',
            ${at(`(${K} * 3 + k)`)} + interval '32 days', (k * 7919) % 11,
            case when k % 9 = 0 then 'Bench NPS comment ' || k end, ${at(`(${K} * 3 + k)`)}
     from generate_series(1, ${K}) k`,
  );
  // The facts as survey-facts.ts takes them: the case's owner, the owner's team, the case's kind.
  const factsOf = `jsonb_build_object('surveyId', r.id, 'kind', r.kind, 'channel', r.channel, 'language', r.language,
      'ownerId', c.owner_id, 'teamId', u.team_id, 'caseKind', c.category)`;
  const surveys = `survey_requests r join cases c on c.id = r.case_id left join users u on u.id = c.owner_id
     where r.workspace_id = ${ws}`;
  await step(
    'survey.sent events',
    `insert into events (workspace_id, case_id, customer_id, type, data, occurred_at)
     select r.workspace_id, r.case_id, r.customer_id, 'survey.sent', ${factsOf}, r.sent_at from ${surveys}`,
  );
  await step(
    'survey.answered events',
    `insert into events (workspace_id, case_id, customer_id, type, data, occurred_at)
     select r.workspace_id, r.case_id, r.customer_id, 'survey.answered', ${factsOf} || jsonb_build_object(
              'score', r.score, 'effort', null, 'revised', false, 'followUpTaskId', null,
              'comment', r.comment), r.answered_at
     from ${surveys} and r.status = 'answered'`,
  );
  await step(
    'perception ratings',
    `insert into perception_ratings (workspace_id, period, area_kind, area_key, rating)
     select ${ws}, to_char(${nowSql} - q * interval '3 months', 'YYYY') || '-Q' ||
              to_char(${nowSql} - q * interval '3 months', 'Q'), a.kind, a.key, 3 + (q + a.n) % 3
     from generate_series(0, 3) q,
          (values ('overall', '', 0), ('channel', 'email', 1), ('channel', 'chat', 2), ('touchpoint', 'billing', 3),
                  ('team', ${teamId('1')}::text, 4)) a(kind, key, n)`,
  );
  for (const i of indexes) await step(`index ${i.name}`, i.def);
  await client.query(`alter table events enable trigger events_notify`);
  await client.query(`alter table cases enable trigger cases_tally_insert`);
  await step('case tally', `select kept_case_tally_rebuild(${ws})`);
  await step('analyze', 'analyze');
}

/**
 * The send backlog: `count` fresh customers, each with a resolved case and a scheduled
 * satisfaction survey due now; and the same number of plain outbox messages (replies to those
 * cases), held as 'failed' until their phase releases them.
 */
export async function seedSendBacklog(
  client: pg.Client,
  workspaceId: string,
  count: number,
  /** Above every seeded case and customer number. */
  offset: number,
  agents: number,
  now: Date,
): Promise<void> {
  const step = stepper(client);
  const ws = `'${workspaceId}'`;
  const nowSql = `'${now.toISOString()}'::timestamptz`;
  const k = (g: string) => `(${offset} + ${g})`;
  await step(
    'backlog customers',
    `insert into customers (id, workspace_id, name, email, language)
     select ${customerId(k('g'))}, ${ws}, 'Fresh ' || g, 'fresh' || g || '@bench.test', (${LANGUAGES})[1 + g % 4]
     from generate_series(1, ${count}) g`,
  );
  await step(
    'backlog cases',
    `insert into cases (id, workspace_id, customer_id, subject, status, channel, language, category, owner_id,
                        created_at, updated_at)
     select ${caseId(k('g'))}, ${ws}, ${customerId(k('g'))}, 'Order ' || g, 'resolved', 'email',
            (${LANGUAGES})[1 + g % 4], (${KINDS})[1 + g % 5], ${agentId(`(1 + g % ${agents})`)},
            ${nowSql} - interval '1 day', ${nowSql} - interval '2 hours'
     from generate_series(1, ${count}) g`,
  );
  await step(
    'scheduled surveys',
    `insert into survey_requests (id, workspace_id, dedupe_key, kind, case_id, customer_id, channel, language, send_at)
     select ${sendSurveyId('g')}, ${ws}, 'case:' || ${caseId(k('g'))}, 'satisfaction', ${caseId(k('g'))},
            ${customerId(k('g'))}, 'email', (${LANGUAGES})[1 + g % 4], ${nowSql}
     from generate_series(1, ${count}) g`,
  );
  const text = `Hello,\n\nYour refund went back to your card today; it shows within three working days.\n\nKind regards,\nSupport`;
  await step(
    'plain outbox messages (held)',
    `insert into outbox (workspace_id, case_id, channel, to_address, subject, text_body, kind, language, status)
     select ${ws}, ${caseId(k('g'))}, 'email', 'fresh' || g || '@bench.test', '[#K-' || g || '] Your refund',
            '${text}', 'reply', (${LANGUAGES})[1 + g % 4], 'failed'
     from generate_series(1, ${count}) g`,
  );
  await step('analyze', 'analyze customers; analyze cases; analyze survey_requests; analyze outbox');
}
