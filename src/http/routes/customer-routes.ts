// Customers written by people (issue 16): one entered by hand, one corrected. Reading is in insight-routes.ts.
import { z } from 'zod';
import { createCustomer, updateCustomer } from '../../customers/index.ts';
import { dropUndefined, presentCustomer } from '../../views/index.ts';
import { customerViewSchema } from '../../contract/response-schemas/api-types.ts';
import { requireStaff } from '../staff-auth.ts';
import { idParam, languageCode, shortText, typed, type RouteDeps } from '../route-kit.ts';
import { errorResponses } from '../route-responses.ts';

const email = z.email().max(254);
const phone = z.string().trim().max(40);

export function registerCustomerRoutes({ app, ctx }: RouteDeps): void {
  const r = typed(app);

  r.post(
    '/api/v1/customers',
    {
      schema: {
        tags: ['customers'],
        summary: 'Enter a customer by hand (an e-mail address or a phone number); 409 customer.email_taken',
        body: z.strictObject({
          name: shortText(200),
          email: email.optional(),
          phone: phone.optional(),
          language: languageCode.optional(),
        }),
        response: { 201: customerViewSchema, ...errorResponses(400, 401, 409) },
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const row = await createCustomer(
        ctx.db,
        { workspaceId: staff.workspaceId, actorUserId: staff.userId, now: ctx.now() },
        request.body,
      );
      return reply.status(201).send(presentCustomer(row));
    },
  );

  r.patch(
    '/api/v1/customers/:id',
    {
      schema: {
        tags: ['customers'],
        summary: 'Correct a customer (null clears a field); each change is a customer.updated event',
        params: idParam,
        body: z.strictObject({
          name: shortText(200).optional(),
          email: email.nullable().optional(),
          phone: phone.nullable().optional(),
          language: languageCode.nullable().optional(),
        }),
        response: { 200: customerViewSchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      const row = await updateCustomer(
        ctx.db,
        { workspaceId: staff.workspaceId, actorUserId: staff.userId, now: ctx.now() },
        request.params.id,
        // A field left out is kept as it is: undefined must not reach the update.
        dropUndefined(request.body),
      );
      return presentCustomer(row);
    },
  );
}
