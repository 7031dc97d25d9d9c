import { z } from 'zod';
import { KeptError } from '../../errors/kept-error.ts';
import {
  addMailbox,
  listMailboxes,
  listSinkMessages,
  loadEmailSettings,
  loadMailbox,
  pollMailbox,
  presentEmailSettings,
  presentMailbox,
  removeMailbox,
  saveEmailSettings,
  testMailboxConnection,
} from '../../email/index.ts';
import { requireStaff } from '../staff-auth.ts';
import { idParam, typed, type RouteDeps } from '../route-kit.ts';
import {
  emailSettingsViewSchema,
  mailboxTestResultSchema,
  mailboxViewSchema,
} from '../../contract/response-schemas/email-outbound-types.ts';
import {
  mailboxListResponseSchema,
  mailboxPollResponseSchema,
  sinkMessageListResponseSchema,
} from '../../contract/response-schemas/route-response-types.ts';
import { errorResponses, noContent } from '../route-responses.ts';

const hostName = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:\-[\]]+$/, 'must be a host name or IP address');
const port = z.number().int().min(1).max(65535);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const settingsBody = z.strictObject({
  smtpHost: hostName
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  smtpPort: port.optional(),
  smtpSecure: z.boolean().optional(),
  smtpUser: optionalText(254),
  smtpPassword: z.string().max(500).nullable().optional(),
  fromAddress: z
    .email()
    .max(254)
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  fromName: optionalText(200),
});

const mailboxBody = z.strictObject({
  host: hostName,
  port,
  secure: z.boolean(),
  username: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(500),
  mailbox: z.string().trim().min(1).max(200).default('INBOX'),
});

/** Outbound e-mail (relay settings, the development sink) and the IMAP mailboxes. */
export function registerEmailOutboundRoutes({ app, ctx }: RouteDeps): void {
  const r = typed(app);

  r.get(
    '/api/v1/email/settings',
    {
      schema: {
        response: { 200: emailSettingsViewSchema, ...errorResponses(401, 403) },
        tags: ['email'],
        summary: 'The SMTP relay (the password is never returned)',
      },
    },
    async (request) => {
      const staff = requireStaff(request, ['admin']);
      return presentEmailSettings(await loadEmailSettings(ctx.db, staff.workspaceId));
    },
  );

  r.put(
    '/api/v1/email/settings',
    {
      schema: {
        response: { 200: emailSettingsViewSchema, ...errorResponses(400, 401, 403, 409) },
        tags: ['email'],
        summary: 'Set the SMTP relay; no host means the development sink',
        body: settingsBody,
      },
    },
    async (request) => {
      const staff = requireStaff(request, ['admin']);
      return saveEmailSettings(ctx.db, staff.workspaceId, request.body, ctx.now());
    },
  );

  r.get(
    '/api/v1/email/sink',
    {
      schema: {
        response: { 200: sinkMessageListResponseSchema, ...errorResponses(400, 401) },
        tags: ['email'],
        summary: 'Recent outbound e-mail kept by the development sink',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).optional() }),
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return { messages: await listSinkMessages(ctx.db, staff.workspaceId, request.query.limit ?? 50) };
    },
  );

  r.get(
    '/api/v1/email/mailboxes',
    {
      schema: {
        response: { 200: mailboxListResponseSchema, ...errorResponses(401) },
        tags: ['email'],
        summary: 'IMAP mailboxes Kept polls, with their health',
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return { mailboxes: await listMailboxes(ctx.db, staff.workspaceId) };
    },
  );

  r.post(
    '/api/v1/email/mailboxes/test',
    {
      schema: {
        response: { 200: mailboxTestResultSchema, ...errorResponses(400, 401, 403) },
        tags: ['email'],
        summary: 'Try to log in to a mailbox without saving it',
        body: mailboxBody,
      },
    },
    async (request) => {
      requireStaff(request, ['admin']);
      return testMailboxConnection(request.body);
    },
  );

  r.post(
    '/api/v1/email/mailboxes',
    {
      schema: {
        response: { 201: mailboxViewSchema, ...errorResponses(400, 401, 403, 409, 422) },
        tags: ['email'],
        summary: 'Add a mailbox to poll (its login is tested first unless skipTest)',
        body: mailboxBody.extend({ skipTest: z.boolean().optional() }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request, ['admin']);
      const { skipTest, ...input } = request.body;
      if (!skipTest) {
        const test = await testMailboxConnection(input);
        if (!test.ok)
          throw new KeptError('email.mailbox_unreachable', `The mailbox could not be opened: ${test.error}`, {
            field: 'host',
          });
      }
      return reply.status(201).send(await addMailbox(ctx.db, staff.workspaceId, input));
    },
  );

  r.post(
    '/api/v1/email/mailboxes/:id/poll',
    {
      schema: {
        response: { 200: mailboxPollResponseSchema, ...errorResponses(400, 401, 403, 404) },
        tags: ['email'],
        summary: 'Poll a mailbox now',
        params: idParam,
      },
    },
    async (request) => {
      const staff = requireStaff(request, ['admin']);
      await loadMailbox(ctx.db, staff.workspaceId, request.params.id);
      const result = await pollMailbox(ctx, request.params.id);
      return { result, mailbox: presentMailbox(await loadMailbox(ctx.db, staff.workspaceId, request.params.id)) };
    },
  );

  r.delete(
    '/api/v1/email/mailboxes/:id',
    {
      schema: {
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404) },
        tags: ['email'],
        summary: 'Stop polling a mailbox',
        params: idParam,
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request, ['admin']);
      await removeMailbox(ctx.db, staff.workspaceId, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
