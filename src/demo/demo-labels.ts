// The demo's priorities and tags (issue 16): set from what each case went through, so the queues'
// priority and tag filters and the "Urgent and high" saved view show cases at first start. One
// statement after the stories are played (no cost per case in the demo's clock): the cases are
// labelled and each labelled case gets its `case.labelled` fact, as if its owner's lead had
// labelled it a few minutes after it opened.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';

/**
 * Urgent: flagged by the service-hell detector or an escalation still open. High: a complaint,
 * a broken promise or any escalation. Low: a third of the resolved and closed cases. Tags: what a
 * complaint is about, a refund or a call-back promised, a supervisor involved, and "vip" for about
 * one customer in seven (by their address, so the same customers each run).
 */
export async function labelDemoCases(db: Db, workspaceId: string, labelledBy: string, now: Date): Promise<void> {
  await db.execute(sql`
    with facts as (
      select c.id, c.customer_id, c.created_at,
        case
          when c.hell_flagged_at is not null
            or exists (select 1 from escalations e where e.case_id = c.id and e.status <> 'closed') then 'urgent'
          when c.is_complaint
            or exists (select 1 from promises p where p.case_id = c.id and p.status = 'broken')
            or exists (select 1 from escalations e where e.case_id = c.id) then 'high'
          when c.status in ('resolved', 'closed') and c.number % 3 = 0 then 'low'
          else 'normal'
        end as priority,
        array_remove(array[
          case when c.is_complaint and c.complaint_kind not in ('unspecified', 'other')
            then replace(c.complaint_kind, '_', ' ') end,
          case when exists (select 1 from promises p where p.case_id = c.id and p.kind = 'refund') then 'refund' end,
          case when exists (select 1 from promises p where p.case_id = c.id and p.kind = 'callback') then 'call-back' end,
          case when exists (select 1 from escalations e where e.case_id = c.id) then 'supervisor' end,
          case when abs(hashtext(coalesce(cu.email, cu.phone, cu.name))) % 7 = 0 then 'vip' end
        ], null) as tags
      from cases c
      join customers cu on cu.id = c.customer_id
      where c.workspace_id = ${workspaceId}
    ),
    labelled as (
      update cases c set priority = f.priority, tags = f.tags
      from facts f
      where c.id = f.id and (f.priority <> 'normal' or cardinality(f.tags) > 0)
      returning c.id, c.customer_id, f.priority, f.tags, f.created_at
    )
    insert into events (workspace_id, case_id, customer_id, type, actor_user_id, data, occurred_at)
    select ${workspaceId}, id, customer_id, 'case.labelled', ${labelledBy},
      jsonb_strip_nulls(jsonb_build_object(
        'priority', case when priority <> 'normal' then jsonb_build_object('from', 'normal', 'to', priority) end,
        'tags', case when cardinality(tags) > 0
          then jsonb_build_object('added', to_jsonb(tags), 'removed', '[]'::jsonb) end
      )),
      least(created_at + interval '5 minutes', ${now.toISOString()}::timestamptz)
    from labelled`);
}
