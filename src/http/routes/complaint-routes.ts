import { z } from 'zod';
import { COMPLAINT_REASON_CHARS, markComplaint, unmarkComplaint } from '../../desk/index.ts';
import { complaintsReport } from '../../retention/index.ts';
import { getCaseComplaint } from '../../views/index.ts';
import { COMPLAINT_KINDS } from '../../kernel/domain-words.ts';
import {
  caseComplaintViewSchema,
  complaintMarkResponseSchema,
  complaintsReportResponseSchema,
} from '../../contract/response-schemas/complaint-types.ts';
import { idParam, shortText, typed, type RouteDeps } from '../route-kit.ts';
import { errorResponses } from '../route-responses.ts';
import { requireStaff } from '../staff-auth.ts';

/** K12: an agent marks a case as a complaint, changes its kind or unmarks it; the complaints report. */
export function registerComplaintRoutes({ app, ctx }: RouteDeps): void {
  const r = typed(app);
  const reason = shortText(COMPLAINT_REASON_CHARS);

  r.get(
    '/api/v1/cases/:id/complaint',
    {
      schema: {
        tags: ['complaints'],
        summary:
          'Whether the case is a complaint: kind, source (agent, customer words, survey, supervisor asked), reason',
        params: idParam,
        response: { 200: caseComplaintViewSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return getCaseComplaint(ctx.db, staff.workspaceId, request.params.id);
    },
  );

  r.post(
    '/api/v1/cases/:id/complaint',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Mark the case as a complaint of a kind, or change its kind; the reason is kept and on the timeline',
        params: idParam,
        body: z.strictObject({ kind: z.enum(COMPLAINT_KINDS), reason }),
        response: { 200: complaintMarkResponseSchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return markComplaint(ctx, {
        workspaceId: staff.workspaceId,
        caseId: request.params.id,
        source: 'agent',
        kind: request.body.kind,
        reason: request.body.reason,
        actorUserId: staff.userId,
      });
    },
  );

  r.post(
    '/api/v1/cases/:id/complaint/unmark',
    {
      schema: {
        tags: ['complaints'],
        summary: 'The case is not a complaint after all (409 complaint.not_marked when it is not one)',
        params: idParam,
        body: z.strictObject({ reason }),
        response: { 200: complaintMarkResponseSchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return unmarkComplaint(ctx, {
        workspaceId: staff.workspaceId,
        caseId: request.params.id,
        reason: request.body.reason,
        actorUserId: staff.userId,
      });
    },
  );

  r.get(
    '/api/v1/retention/complaints',
    {
      schema: {
        tags: ['complaints'],
        summary: 'The last 12 months: complaints per 1,000 active customers, by kind and by source, and their spread',
        response: { 200: complaintsReportResponseSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return complaintsReport(ctx.db, staff.workspaceId, ctx.now());
    },
  );
}
