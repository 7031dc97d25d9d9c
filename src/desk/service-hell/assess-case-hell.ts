import { and, eq } from 'drizzle-orm';
import type { HellAssessment } from '../../contract/api-types.ts';
import type { Db } from '../../db/open-database.ts';
import { cases } from '../../db/schema.ts';
import { openEscalation } from '../escalations/open-escalation.ts';
import { appendEvents, readCaseEvents, readCasesEvents } from '../../events/append-events.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { loadWorkspace } from '../../workspaces/index.ts';
import { computeHellMetrics } from './hell-metrics.ts';
import { assessHell } from './hell-thresholds.ts';

/**
 * Assesses a case, and its customer across all their cases, against the workspace's
 * thresholds. The first time either crosses one the case is flagged with its reasons, the
 * fact is recorded, and a supervisor is brought in. Runs as a job after changes to the case
 * (hell-assessment-timer.ts: one waiting per case).
 */
export async function assessCaseHell(ctx: DeskContext, payload: { workspaceId: string; caseId: string }) {
  const workspace = await loadWorkspace(ctx.db, payload.workspaceId);
  const now = ctx.now();
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    // The case is locked before its facts are read: a change that found this job waiting did
    // not queue another, and it holds the case's lock until it commits, so its facts are read
    // here. Two assessments of one case also run one after the other, so it is flagged once.
    const [caseRow] = await tx
      .select()
      .from(cases)
      .where(and(eq(cases.workspaceId, payload.workspaceId), eq(cases.id, payload.caseId)))
      .for('update');
    if (!caseRow) return null;
    const caseAssessment = assessHell(
      computeHellMetrics(await readCaseEvents(tx, caseRow.id), now),
      workspace.settings.hellThresholds,
    );
    const customerCases = await tx.select({ id: cases.id }).from(cases).where(eq(cases.customerId, caseRow.customerId));
    const customerAssessment =
      customerCases.length > 1
        ? assessHell(
            computeHellMetrics(
              await readCasesEvents(
                tx,
                customerCases.map((c) => c.id),
              ),
              now,
            ),
            workspace.settings.hellThresholds,
          )
        : caseAssessment;
    const assessment: HellAssessment = caseAssessment.flagged ? caseAssessment : customerAssessment;
    if (!assessment.flagged) return assessment;
    const reasonsChanged = JSON.stringify(caseRow.hellReasons ?? []) !== JSON.stringify(assessment.reasons);
    if (caseRow.hellFlaggedAt && !reasonsChanged) return assessment;
    await tx
      .update(cases)
      .set({ hellFlaggedAt: caseRow.hellFlaggedAt ?? now, hellReasons: assessment.reasons })
      .where(eq(cases.id, caseRow.id));
    if (caseRow.hellFlaggedAt) return assessment;
    await appendEvents(tx, [
      {
        workspaceId: caseRow.workspaceId,
        caseId: caseRow.id,
        customerId: caseRow.customerId,
        actorUserId: null,
        occurredAt: now,
        type: 'hell.flagged',
        data: { reasons: assessment.reasons },
      },
    ]);
    await openEscalation(
      { ...ctx, db: tx },
      {
        workspaceId: caseRow.workspaceId,
        caseId: caseRow.id,
        customerId: caseRow.customerId,
        via: 'hell_detector',
        reason: '', // the case's hell reasons are shown, translated, beside the escalation
        actorUserId: null,
        deadlineMinutes: workspace.settings.escalationDeadlineMinutes,
      },
    );
    return assessment;
  });
}
