import { z } from 'zod';
import { insertBenchProbe } from '../../db/bench-probe.ts';
import { requireStaff } from '../staff-auth.ts';
import { longText, typed, type RouteDeps } from '../route-kit.ts';
import { benchProbeResponseSchema } from '../../contract/response-schemas/route-response-types.ts';
import { errorResponses } from '../route-responses.ts';

/**
 * The baseline the inbound benchmark compares against: same HTTP stack, same auth, one
 * single-row INSERT. Off unless KEPT_BENCH_PROBE=1, so production has no such route.
 */
export function registerBenchProbeRoute({ app, ctx }: RouteDeps): void {
  if (process.env.KEPT_BENCH_PROBE !== '1') return;
  typed(app).post(
    '/api/v1/bench/probe',
    {
      schema: {
        response: { 201: benchProbeResponseSchema, ...errorResponses(400, 401) },
        hide: true,
        body: z.strictObject({ body: longText() }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      await insertBenchProbe(ctx.db, staff.workspaceId, request.body.body);
      return reply.status(201).send({ ok: true });
    },
  );
}
