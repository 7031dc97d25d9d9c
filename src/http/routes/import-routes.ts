import type { Readable } from 'node:stream';
import { z } from 'zod';
import {
  acceptImport,
  cancelImport,
  getImport,
  IMPORT_FORMATS,
  ImportFileError,
  listImports,
  parseColumnMap,
} from '../../retention/index.ts';
import { KeptError } from '../../errors/kept-error.ts';
import { SUPERVISING_ROLES } from '../../kernel/domain-words.ts';
import { idParam, typed, type RouteDeps } from '../route-kit.ts';
import { requireStaff } from '../staff-auth.ts';
import { importListResponseSchema, importResponseSchema } from '../../contract/response-schemas/retention-types.ts';
import { importCreatedResponseSchema } from '../../contract/response-schemas/route-response-types.ts';
import { errorResponses } from '../route-responses.ts';

const ANALYSTS = SUPERVISING_ROLES;

/** Purchase imports (issue 17): upload (stored, run in the background), progress, cancel, the list. */
export function registerImportRoutes({ app, ctx }: RouteDeps): void {
  // Purchase files are streamed straight into the import, never buffered: no body limit applies.
  app.addContentTypeParser(['text/csv', 'application/octet-stream'], (_request, payload, done) => done(null, payload));
  const r = typed(app);

  r.post(
    '/api/v1/imports',
    {
      schema: {
        response: { 202: importCreatedResponseSchema, ...errorResponses(400, 401, 403, 415) },
        tags: ['retention'],
        summary: 'Import purchases: the file as the body (text/csv) is stored and imported in the background (202)',
        querystring: z.strictObject({
          format: z.enum(IMPORT_FORMATS as unknown as ['csv', 'cdnow', 'shopify']),
          skipBadRows: z.enum(['true', 'false']).default('false'),
          map: z.string().max(1000).optional(),
          source: z.string().max(300).optional(),
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request, ANALYSTS);
      const body = request.body as Readable | undefined;
      if (!body || typeof (body as Readable).pipe !== 'function') {
        throw new KeptError(
          'request.unsupported_media_type',
          'Send the file as the request body with Content-Type: text/csv',
        );
      }
      let map;
      try {
        map = parseColumnMap(request.query.map ? [request.query.map] : []);
      } catch (error) {
        if (error instanceof ImportFileError) throw new KeptError('request.invalid', error.message, { field: 'map' });
        throw error;
      }
      const accepted = await acceptImport(ctx, {
        workspaceId: staff.workspaceId,
        format: request.query.format,
        source: request.query.source ?? 'upload',
        input: body,
        map,
        skipBadRows: request.query.skipBadRows === 'true',
        createdBy: staff.userId,
      });
      return reply.status(202).send({ import: accepted });
    },
  );

  r.post(
    '/api/v1/imports/:id/cancel',
    {
      schema: {
        params: idParam,
        response: { 200: importResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
        tags: ['retention'],
        summary: 'Cancel a queued or running import: rolled back, nothing imported, status cancelled',
      },
    },
    async (request) => {
      const staff = requireStaff(request, ANALYSTS);
      return { import: await cancelImport(ctx.db, staff.workspaceId, request.params.id) };
    },
  );

  r.get(
    '/api/v1/imports',
    {
      schema: {
        response: { 200: importListResponseSchema, ...errorResponses(401) },
        tags: ['retention'],
        summary: 'Recent imports with their reports',
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return { imports: await listImports(ctx.db, staff.workspaceId) };
    },
  );

  r.get(
    '/api/v1/imports/:id',
    {
      schema: {
        params: idParam,
        response: { 200: importResponseSchema, ...errorResponses(400, 401, 404) },
        tags: ['retention'],
        summary: 'One import: its status, phase, rows and bytes read so far, and its report once finished',
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return { import: await getImport(ctx.db, staff.workspaceId, request.params.id) };
    },
  );
}
