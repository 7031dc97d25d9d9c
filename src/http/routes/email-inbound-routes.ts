import { z } from 'zod';
import { addSupportAddress, listSupportAddresses, removeSupportAddress, safeFilename } from '../../email/index.ts';
import { listInboundEmails, readAttachment, UNDELIVERED_INBOUND_STATUSES } from '../../views/index.ts';
import { attachmentDisposition } from '../content-disposition.ts';
import { requireStaff } from '../staff-auth.ts';
import { idParam, typed, type RouteDeps } from '../route-kit.ts';
import {
  inboundEmailListResponseSchema,
  supportAddressListResponseSchema,
  supportAddressViewSchema,
} from '../../contract/response-schemas/route-response-types.ts';
import { binaryDownload, errorResponses, noContent } from '../route-responses.ts';

export function registerEmailInboundRoutes({ app, ctx }: RouteDeps): void {
  const r = typed(app);

  r.get(
    '/api/v1/email/addresses',
    {
      schema: {
        response: { 200: supportAddressListResponseSchema, ...errorResponses(401) },
        tags: ['email'],
        summary: 'The support addresses this workspace receives mail on',
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return { addresses: await listSupportAddresses(ctx.db, staff.workspaceId) };
    },
  );

  r.post(
    '/api/v1/email/addresses',
    {
      schema: {
        response: { 201: supportAddressViewSchema, ...errorResponses(400, 401, 403, 409, 422) },
        tags: ['email'],
        summary: 'Receive mail on an address (its plus-addresses, support+anything@…, arrive too) (admin)',
        body: z.strictObject({ address: z.email().max(254) }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request, ['admin']);
      return reply.status(201).send(await addSupportAddress(ctx.db, staff.workspaceId, request.body.address));
    },
  );

  r.delete(
    '/api/v1/email/addresses/:id',
    {
      schema: {
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404) },
        tags: ['email'],
        summary: 'Stop receiving mail on an address (admin)',
        params: idParam,
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request, ['admin']);
      await removeSupportAddress(ctx.db, staff.workspaceId, request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/email/inbound',
    {
      schema: {
        response: { 200: inboundEmailListResponseSchema, ...errorResponses(400, 401) },
        tags: ['email'],
        summary:
          'Stored inbound e-mail that did not become a customer message (auto-replies, rate-limited, failed, pending)',
        querystring: z.strictObject({ status: z.enum(UNDELIVERED_INBOUND_STATUSES).optional() }),
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      const statuses = request.query.status ? [request.query.status] : UNDELIVERED_INBOUND_STATUSES;
      return { emails: await listInboundEmails(ctx.db, staff.workspaceId, statuses) };
    },
  );

  r.get(
    '/api/v1/email/attachments/:id',
    {
      schema: {
        response: {
          200: binaryDownload('application/octet-stream', 'The attachment, as a download'),
          ...errorResponses(400, 401, 404),
        },
        tags: ['email'],
        summary: 'Download an attachment of an inbound e-mail (staff)',
        params: idParam,
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const row = await readAttachment(ctx.db, staff.workspaceId, request.params.id);
      // Always a download, never rendered by the browser in our origin (an HTML or SVG attachment could script it),
      // under the safe name (rows stored before migration 0013 hold the sender's name: made safe here).
      return (
        reply
          .header('content-type', 'application/octet-stream')
          .header('content-disposition', attachmentDisposition(safeFilename(row.filename)))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          // Bytes go out as they are (a Buffer skips the serializer); the schema only documents the download.
          .send(row.content as unknown as string)
      );
    },
  );
}
