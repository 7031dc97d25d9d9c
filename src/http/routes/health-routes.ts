import type { HealthDetails, PublicHealth } from '../../contract/email-outbound-types.ts';
import { storeAnswers } from '../../db/ping-store.ts';
import { mailboxHealth } from '../../email/index.ts';
import { monitorEventLoopLag } from '../event-loop-lag.ts';
import { requireStaff } from '../staff-auth.ts';
import type { RouteDeps } from '../route-kit.ts';
import { healthDetailsSchema, publicHealthSchema } from '../../contract/response-schemas/email-outbound-types.ts';
import { errorResponses } from '../route-responses.ts';

/**
 * Health in two answers. Anyone (a load balancer, a status page) gets only "ok" or "degraded",
 * and a 503 when the database is unreachable: a mailbox's error text names hosts, accounts
 * and login failures, which are for the company's staff. Staff get the details, with the
 * mailboxes of their own workspace: a failing mailbox must be loud, but only to its owners.
 * Admins also see how late the event loop has run lately: it is the whole server's, not a
 * workspace's, and says what the machine is going through.
 */
export function registerHealthRoutes({ app, ctx, store, jobsHealthy }: RouteDeps): void {
  const eventLoop = monitorEventLoopLag();
  app.addHook('onClose', async () => eventLoop.stop());
  const databaseUp = () => storeAnswers(ctx.db);

  app.get(
    '/api/health',
    {
      schema: {
        response: { 200: publicHealthSchema, 503: publicHealthSchema, ...errorResponses() },
        tags: ['health'],
        summary: 'ok or degraded (details: GET /api/v1/health, staff)',
      },
    },
    async (_request, reply) => {
      const database = await databaseUp();
      const mailboxes = database ? await mailboxHealth(ctx.db).catch(() => []) : [];
      const ok = database && jobsHealthy() && mailboxes.every((m) => m.ok);
      const body: PublicHealth = { status: ok ? 'ok' : 'degraded' };
      return reply.status(database ? 200 : 503).send(body);
    },
  );

  app.get(
    '/api/v1/health',
    {
      schema: {
        response: { 200: healthDetailsSchema, 503: healthDetailsSchema, ...errorResponses(401) },
        tags: ['health'],
        summary: 'Database, background jobs and this workspace’s mailboxes',
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const database = await databaseUp();
      const jobs = jobsHealthy();
      const mailboxes = database ? await mailboxHealth(ctx.db, staff.workspaceId).catch(() => []) : [];
      const ok = database && jobs && mailboxes.every((m) => m.ok);
      const body: HealthDetails = {
        ok,
        status: ok ? 'ok' : 'degraded',
        database,
        jobs,
        store: store.kind,
        mailboxes,
        ...(staff.role === 'admin' ? { eventLoop: eventLoop.read() } : {}),
      };
      return reply.status(database ? 200 : 503).send(body);
    },
  );
}
