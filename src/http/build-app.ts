import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { installErrorHandler, routerError } from './error-handler.ts';
import { documentRoute } from './route-responses.ts';
import { installJsonBodyParser } from './json-body-parser.ts';
import { installUrlTextCheck } from './request-text.ts';
import { installStaffAuth } from './staff-auth.ts';
import { API_DOCS_CSP, installSecurityHeaders } from './security-headers.ts';
import { registerWebApp } from './web-app-routes.ts';
import type { RouteDeps } from './route-kit.ts';
import type { KeptConfig } from '../config/kept-config.ts';
import { registerCaseRoutes } from './routes/case-routes.ts';
import { registerSupervisorSuspicionRoutes } from './routes/supervisor-suspicion-routes.ts';
import { registerDeskFindRoutes } from './routes/desk-find-routes.ts';
import { registerCommitmentRoutes } from './routes/commitment-routes.ts';
import { registerInsightRoutes } from './routes/insight-routes.ts';
import { registerCustomerRoutes } from './routes/customer-routes.ts';
import { registerPreferenceRoutes } from './routes/preference-routes.ts';
import { registerPortalRoutes } from './routes/portal-routes.ts';
import { registerSetupRoutes } from './routes/setup-routes.ts';
import { registerStaffRoutes } from './routes/staff-routes.ts';
import { registerTeamRoutes } from './routes/team-routes.ts';
import { registerComplaintRoutes } from './routes/complaint-routes.ts';
import { registerCannedReplyRoutes } from './routes/canned-reply-routes.ts';
import { registerSavedViewRoutes } from './routes/saved-view-routes.ts';
import { registerBenchProbeRoute } from './routes/bench-probe-route.ts';
import { registerImportRoutes } from './routes/import-routes.ts';
import { registerRetentionRoutes } from './routes/retention-routes.ts';
import { registerPromiseRoutes } from './routes/promise-routes.ts';
import { registerEmailInboundRoutes } from './routes/email-inbound-routes.ts';
import { registerEmailOutboundRoutes } from './routes/email-outbound-routes.ts';
import { registerHealthRoutes } from './routes/health-routes.ts';
import { registerLiveRoutes } from './routes/live-routes.ts';
import { startLiveHub, type LiveHub } from '../live/index.ts';
import { registerSurveyRoutes } from './routes/survey-routes.ts';

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * `webDist`: the built web app to serve (tests give one of their own). `live`: the instance's link to
 * the store's notifications; made here (and closed with the app) when not handed in.
 */
export async function buildApp(
  deps: Omit<RouteDeps, 'app' | 'live'> & { webDist?: string; live?: LiveHub },
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: deps.config.logLevel },
    bodyLimit: BODY_LIMIT_BYTES,
    // Portal links carry a signed token in the path, longer than find-my-way's default 100.
    routerOptions: { maxParamLength: 500 },
    // Fastify gives each plugin 10 s to load by the wall clock; on a loaded machine the embedded
    // database's start-up (WASM, on this thread) took longer and Kept refused to start at all.
    pluginTimeout: 60_000,
    // The client's address counts for the login throttle and rate limits: trust only named proxies.
    trustProxy: trustedProxies(deps.config.trustProxy),
    // Unknown query parameters are refused by the zod schemas; fastify must not coerce them first.
    ajv: { customOptions: { removeAdditional: false } },
    frameworkErrors: routerError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installJsonBodyParser(app);
  installUrlTextCheck(app);
  installErrorHandler(app);
  await installSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Kept API',
        version: '1',
        description:
          'Customer service that never drops a customer. Staff endpoints take the session cookie or `Authorization: Bearer <token>`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'kept_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: documentRoute,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: API_DOCS_CSP });
  installStaffAuth(app, deps.ctx.db, deps.ctx.now, () => deps.ctx.publicUrl);
  // Every API route, so a test can hold the OpenAPI document to covering all of them.
  const apiRoutes: Array<{ method: string; url: string }> = [];
  app.decorate('keptApiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    const hidden = (route.schema as { hide?: boolean } | undefined)?.hide === true;
    if (route.url.startsWith('/api/v1/') && !hidden) {
      for (const method of [route.method].flat()) if (method !== 'HEAD') apiRoutes.push({ method, url: route.url });
    }
  });

  const live = deps.live ?? (await startLiveHub(deps.store));
  if (!deps.live) app.addHook('onClose', () => live.close());
  const routeDeps: RouteDeps = { ...deps, live, app };
  registerSetupRoutes(routeDeps);
  registerStaffRoutes(routeDeps);
  registerTeamRoutes(routeDeps);
  registerComplaintRoutes(routeDeps);
  registerCaseRoutes(routeDeps);
  registerSupervisorSuspicionRoutes(routeDeps);
  registerCannedReplyRoutes(routeDeps);
  registerSavedViewRoutes(routeDeps);
  registerDeskFindRoutes(routeDeps);
  registerCommitmentRoutes(routeDeps);
  registerPromiseRoutes(routeDeps);
  registerInsightRoutes(routeDeps);
  registerCustomerRoutes(routeDeps);
  registerPreferenceRoutes(routeDeps);
  registerPortalRoutes(routeDeps);
  registerBenchProbeRoute(routeDeps);
  registerImportRoutes(routeDeps);
  registerRetentionRoutes(routeDeps);
  registerEmailInboundRoutes(routeDeps);
  registerEmailOutboundRoutes(routeDeps);
  registerLiveRoutes(routeDeps);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  registerSurveyRoutes(routeDeps);
  registerHealthRoutes(routeDeps);

  await registerWebApp(app, deps.webDist ?? WEB_DIST);
  return app;
}

/** KEPT_TRUST_PROXY as fastify takes it (a number of hops as the function fastify makes of one). */
type TrustProxy = boolean | string | ((address: string, hop: number) => boolean);
function trustedProxies(setting: KeptConfig['trustProxy']): TrustProxy {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}
