import { supervisorSuspicionDismissedSchema } from '../../contract/response-schemas/supervisor-suspicion-types.ts';
import { dismissSupervisorSuspicion } from '../../desk/index.ts';
import { requireStaff } from '../staff-auth.ts';
import { idParam, typed, type RouteDeps } from '../route-kit.ts';
import { errorResponses } from '../route-responses.ts';

/** Issue 18: the agent's answer to "the customer may be asking for a supervisor". Escalating is POST …/escalations. */
export function registerSupervisorSuspicionRoutes({ app, ctx }: RouteDeps): void {
  const r = typed(app);
  r.post(
    '/api/v1/cases/:id/supervisor-suspicion/dismiss',
    {
      schema: {
        tags: ['escalations'],
        summary: 'Dismiss the suspicion that the customer asked for a supervisor',
        params: idParam,
        response: { 200: supervisorSuspicionDismissedSchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      const done = await dismissSupervisorSuspicion(ctx, {
        workspaceId: staff.workspaceId,
        caseId: request.params.id,
        actorUserId: staff.userId,
      });
      return { caseId: done.caseId, messageId: done.messageId, dismissedAt: done.dismissedAt.toISOString() };
    },
  );
}
