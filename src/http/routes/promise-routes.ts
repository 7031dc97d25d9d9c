import { z } from 'zod';
import type { RecognizeResponse } from '../../contract/promise-api-types.ts';
import {
  agentPromiseFigures,
  DEFAULT_QUOTE_PERCENTILE,
  EXPECTATION_CHOICES,
  expectationPage,
  expectationReport,
  loadPromiseRates,
  presentQuote,
  PROMISE_KINDS,
  quoteFor,
  recognizeCommitmentsOnCase,
  recordExpectation,
  requireCase,
  runSimulation,
  verifyExpectationLink,
  weighPromise,
} from '../../desk/index.ts';
import { CHANNELS } from '../../events/event-types.ts';
import { listBrokenPromises, listBusinessCalendars, listDueSoon } from '../../views/index.ts';
import { setBusinessCalendar } from '../../teams/index.ts';
import { loadWorkspace } from '../../workspaces/index.ts';
import { requireStaff } from '../staff-auth.ts';
import { CUSTOMER_TEXT } from '../request-text.ts';
import { typed, type RouteDeps } from '../route-kit.ts';
import {
  dueSoonResponseSchema,
  expectationPageResponseSchema,
  expectationReportResponseSchema,
  promiseRatesResponseSchema,
  quoteResponseSchema,
  recognizeResponseSchema,
  simulationResponseSchema,
} from '../../contract/response-schemas/promise-api-types.ts';
import {
  agentPromiseFiguresResponseSchema,
  brokenPromiseListResponseSchema,
  businessCalendarListResponseSchema,
} from '../../contract/response-schemas/route-response-types.ts';
import { errorResponses } from '../route-responses.ts';

const DAY = 86_400_000;
const period = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
const tokenParam = z.strictObject({ token: z.string().min(10).max(400) });

/** Issue 4: quotes from capability, commitment recognition, promise reports, the expectation gap. */
export function registerPromiseRoutes({ app, ctx }: RouteDeps): void {
  const r = typed(app);
  const range = (q: { from?: string | undefined; to?: string | undefined }, days = 84) => {
    const to = q.to ? new Date(q.to) : ctx.now();
    return { from: q.from ? new Date(q.from) : new Date(to.getTime() - days * DAY), to };
  };

  r.get(
    '/api/v1/promises/quote',
    {
      schema: {
        response: { 200: quoteResponseSchema, ...errorResponses(400, 401, 404) },
        tags: ['promises'],
        summary: 'What to promise: the chosen percentile of how long similar work took, rounded for the customer',
        querystring: z.strictObject({
          caseId: z.uuid(),
          kind: z.enum(PROMISE_KINDS),
          channel: z.enum(CHANNELS).optional(),
        }),
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      const workspace = await loadWorkspace(ctx.db, staff.workspaceId);
      const row = await requireCase(ctx.db, staff.workspaceId, request.query.caseId, 'caseId');
      const { quote } = await quoteFor(
        ctx.db,
        workspace,
        {
          kind: request.query.kind,
          channel: request.query.channel ?? row.channel,
          language: row.language,
          priority: row.priority,
          category: row.category,
          ownerId: row.ownerId,
        },
        ctx.now(),
      );
      return { quote: presentQuote(quote), fallbackMinutes: workspace.settings.firstResponseMinutes };
    },
  );

  r.post(
    '/api/v1/promises/recognize',
    {
      schema: {
        response: { 200: recognizeResponseSchema, ...errorResponses(400, 401, 404) },
        tags: ['promises'],
        summary:
          'Commitments in an agent’s outgoing text (en, ar, he, ru), with kind and due time, weighed against the quote',
        body: z.strictObject({ text: z.string().max(20_000), caseId: z.uuid() }),
      },
    },
    async (request): Promise<RecognizeResponse> => {
      const staff = requireStaff(request);
      const workspace = await loadWorkspace(ctx.db, staff.workspaceId);
      const row = await requireCase(ctx.db, staff.workspaceId, request.body.caseId, 'caseId');
      const now = ctx.now();
      const found = await recognizeCommitmentsOnCase(ctx.db, workspace, row.ownerId, request.body.text, now);
      const suggestions = [];
      for (const c of found) {
        const target = {
          kind: c.kind,
          channel: row.channel,
          language: row.language,
          priority: row.priority,
          category: row.category,
          ownerId: row.ownerId,
        };
        if (c.dueAt) {
          const { quote, check } = await weighPromise(ctx.db, workspace, target, c.dueAt, now);
          suggestions.push({
            kind: c.kind,
            dueAt: c.dueAt.toISOString(),
            phrase: c.phrase,
            timeStated: c.timeStated,
            quote: presentQuote(quote),
            overPromise: check.overPromise,
            warning: check.warning,
          });
        } else {
          // No time said: suggest the quote itself (or the fixed fallback).
          const { quote } = await quoteFor(ctx.db, workspace, target, now);
          const dueAt = quote?.dueAt ?? new Date(now.getTime() + workspace.settings.firstResponseMinutes * 60_000);
          suggestions.push({
            kind: c.kind,
            dueAt: dueAt.toISOString(),
            phrase: c.phrase,
            timeStated: false,
            quote: presentQuote(quote),
            overPromise: false,
            warning: null,
          });
        }
      }
      return { language: found[0]?.language ?? 'en', suggestions };
    },
  );

  r.get(
    '/api/v1/promises/reports/rates',
    {
      schema: {
        response: { 200: promiseRatesResponseSchema, ...errorResponses(400, 401) },
        tags: ['promise reports'],
        summary: 'Kept, broken, renegotiated; early, on time, late — per person, team, channel, kind, week',
        querystring: period,
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      const { from, to } = range(request.query);
      return loadPromiseRates(ctx.db, staff.workspaceId, from, to);
    },
  );

  r.get(
    '/api/v1/promises/reports/agents',
    {
      schema: {
        response: { 200: agentPromiseFiguresResponseSchema, ...errorResponses(400, 401) },
        tags: ['promise reports'],
        summary: 'Promises kept per agent (for the scorecard)',
        querystring: period,
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      const { from, to } = range(request.query);
      return { agents: await agentPromiseFigures(ctx.db, staff.workspaceId, from, to) };
    },
  );

  r.get(
    '/api/v1/promises/reports/broken',
    {
      schema: {
        response: { 200: brokenPromiseListResponseSchema, ...errorResponses(400, 401) },
        tags: ['promise reports'],
        summary: 'Each broken promise and what happened next',
        querystring: period,
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      const { from, to } = range(request.query);
      return { items: await listBrokenPromises(ctx.db, staff.workspaceId, from, to) };
    },
  );

  r.get(
    '/api/v1/promises/reports/due-soon',
    {
      schema: {
        response: { 200: dueSoonResponseSchema, ...errorResponses(400, 401) },
        tags: ['promise reports'],
        summary: 'Open promises due soon (and overdue), soonest first',
        querystring: z.strictObject({
          hours: z.coerce
            .number()
            .int()
            .min(1)
            .max(24 * 14)
            .default(24),
          mine: z.enum(['true', 'false']).optional(),
        }),
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      // Agents see their own board; supervisors and admins the team's unless they ask for theirs.
      const mine = request.query.mine === 'true' || (staff.role === 'agent' && request.query.mine !== 'false');
      return listDueSoon(ctx.db, {
        workspaceId: staff.workspaceId,
        hours: request.query.hours,
        now: ctx.now(),
        ...(mine ? { ownerId: staff.userId } : {}),
      });
    },
  );

  r.get(
    '/api/v1/promises/reports/simulation',
    {
      schema: {
        response: { 200: simulationResponseSchema, ...errorResponses(400, 401) },
        tags: ['promise reports'],
        summary: 'Replay the last N weeks with the quoting rule: kept share simulated against actual',
        querystring: z.strictObject({ weeks: z.coerce.number().int().min(1).max(104).default(8) }),
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      const workspace = await loadWorkspace(ctx.db, staff.workspaceId);
      return runSimulation(ctx.db, {
        workspaceId: staff.workspaceId,
        weeks: request.query.weeks,
        percentile: workspace.settings.quotePercentile ?? DEFAULT_QUOTE_PERCENTILE,
        now: ctx.now(),
      });
    },
  );

  r.get(
    '/api/v1/promises/reports/expectations',
    {
      schema: {
        response: { 200: expectationReportResponseSchema, ...errorResponses(400, 401) },
        tags: ['promise reports'],
        summary: 'Customers’ expected answer times against delivery, by channel and language',
        querystring: period,
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      const workspace = await loadWorkspace(ctx.db, staff.workspaceId);
      const { from, to } = range(request.query);
      return expectationReport(ctx.db, {
        workspaceId: staff.workspaceId,
        from,
        to,
        now: ctx.now(),
        percentile: workspace.settings.quotePercentile ?? DEFAULT_QUOTE_PERCENTILE,
      });
    },
  );

  const minuteOfDay = z.number().int().min(0).max(1440);
  r.get(
    '/api/v1/promises/calendars',
    {
      schema: {
        response: { 200: businessCalendarListResponseSchema, ...errorResponses(401) },
        tags: ['promises'],
        summary: 'Business calendars (workspace and per team)',
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return { calendars: await listBusinessCalendars(ctx.db, staff.workspaceId) };
    },
  );

  r.put(
    '/api/v1/promises/calendars',
    {
      schema: {
        response: { 200: businessCalendarListResponseSchema, ...errorResponses(400, 401, 403, 404) },
        tags: ['promises'],
        summary:
          'Set the business calendar of the workspace (teamId absent) or of a team (admin): weekly hours, time zone, holidays',
        body: z.strictObject({
          teamId: z.uuid().nullable().optional(),
          timeZone: z
            .string()
            .min(1)
            .max(64)
            .refine((tz) => {
              try {
                new Intl.DateTimeFormat('en', { timeZone: tz });
                return true;
              } catch {
                return false;
              }
            }, 'must be an IANA time zone such as Asia/Jerusalem')
            .meta({ example: 'Asia/Jerusalem' }),
          weeklyHours: z
            .array(
              z
                .array(
                  z.tuple([minuteOfDay, minuteOfDay]).refine(([s, e]) => e > s, 'an interval must end after it starts'),
                )
                .max(6),
            )
            .length(7)
            // Minutes of the day, Sunday first (Jerusalem's Sunday–Thursday): the refinements are not in the document.
            .meta({ example: [[[540, 1020]], [[540, 1020]], [[540, 1020]], [[540, 1020]], [[540, 1020]], [], []] }),
          holidays: z.array(z.iso.date()).max(400).default([]),
        }),
      },
    },
    async (request) => {
      const staff = requireStaff(request, ['admin']);
      const { teamId, timeZone, weeklyHours, holidays } = request.body;
      await setBusinessCalendar(ctx.db, staff.workspaceId, { teamId: teamId ?? null, timeZone, weeklyHours, holidays });
      return { calendars: await listBusinessCalendars(ctx.db, staff.workspaceId) };
    },
  );

  // The customer's side: a one-question page linked from the first acknowledgement.
  r.get(
    '/api/v1/portal/expect/:token',
    {
      schema: {
        response: { 200: expectationPageResponseSchema, ...errorResponses(400, 401) },
        tags: ['portal'],
        summary: '"By when do you expect an answer?" — the page behind the signed link',
        params: tokenParam,
      },
    },
    async (request) => {
      return expectationPage(ctx.db, request.params.token);
    },
  );

  r.post(
    '/api/v1/portal/expect/:token',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' }, ...CUSTOMER_TEXT },
      schema: {
        response: { 201: expectationPageResponseSchema, ...errorResponses(400, 401, 422, 429) },
        tags: ['portal'],
        summary: 'The customer says by when they expect an answer',
        params: tokenParam,
        body: z.strictObject({
          choice: z.enum(EXPECTATION_CHOICES).optional(),
          expectedBy: z.iso.datetime({ offset: true }).optional(),
        }),
      },
    },
    async (request, reply) => {
      const { workspace, caseRow } = await verifyExpectationLink(ctx.db, request.params.token);
      await recordExpectation(ctx.db, {
        workspaceId: workspace.id,
        caseId: caseRow.id,
        ...(request.body.choice ? { choice: request.body.choice } : {}),
        ...(request.body.expectedBy ? { expectedBy: new Date(request.body.expectedBy) } : {}),
        source: 'expect_link',
        now: ctx.now(),
        timeZone: workspace.timeZone,
      });
      return reply.status(201).send(await expectationPage(ctx.db, request.params.token));
    },
  );
}
