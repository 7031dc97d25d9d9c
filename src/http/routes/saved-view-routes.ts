// Saved views (issue 16): named sets of the case list's filters, personal or shared, listed with live counts.
import { z } from 'zod';
import { createSavedView, deleteSavedView, updateSavedView, type SavedViewAuthor } from '../../desk/index.ts';
import { caseListQuery, countSavedViews, listSavedViews, presentSavedView } from '../../views/index.ts';
import { savedViewListResponseSchema, savedViewViewSchema } from '../../contract/response-schemas/saved-view-types.ts';
import { requireStaff } from '../staff-auth.ts';
import { idParam, shortText, typed, type RouteDeps } from '../route-kit.ts';
import { errorResponses, noContent } from '../route-responses.ts';

// The filters as `GET /cases` takes them, checked by the same query (a bad one is a 400 naming
// `filters.<key>`) and kept as written, so the web app opens a view with the words it saved. A strict
// object of every filter's raw text, so the document (and the cross-workspace probe) shows the ids
// a view can carry (`ownerId`, `teamId`).
const filterKeys = caseListQuery.keyof().options;
const filters = z
  .strictObject(
    Object.fromEntries(filterKeys.map((key) => [key, z.string().max(500).optional()])) as Record<
      (typeof filterKeys)[number],
      z.ZodOptional<z.ZodString>
    >,
  )
  .superRefine((value, check) => {
    if (Object.keys(value).length > 20) check.addIssue({ code: 'custom', message: 'too many filters' });
    const parsed = caseListQuery.safeParse(value);
    if (parsed.success) return;
    // Name the filter (`filters.status`), not the word inside it; an unknown filter by its own name.
    for (const issue of parsed.error.issues) {
      const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path[0];
      check.addIssue({ code: 'custom', message: issue.message, path: key === undefined ? [] : [key] });
    }
  })
  .meta({ example: { view: 'open', status: 'new,open', priority: 'urgent' } });

const create = z.strictObject({ name: shortText(80), filters, shared: z.boolean().default(false) });
const change = z.strictObject({ name: shortText(80), filters: filters.optional() });

export function registerSavedViewRoutes({ app, ctx }: RouteDeps): void {
  const r = typed(app);
  const authorOf = (request: Parameters<typeof requireStaff>[0]): SavedViewAuthor => {
    const staff = requireStaff(request);
    return { workspaceId: staff.workspaceId, userId: staff.userId, role: staff.role };
  };

  r.get(
    '/api/v1/saved-views',
    {
      schema: {
        tags: ['cases'],
        summary: 'The shared saved views and the caller’s own, each with the count of cases it holds now',
        response: { 200: savedViewListResponseSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => ({ views: await listSavedViews(ctx.db, authorOf(request), ctx.now()) }),
  );

  r.post(
    '/api/v1/saved-views',
    {
      schema: {
        tags: ['cases'],
        summary: 'Save a named set of case filters (shared ones by supervisors and admins only)',
        body: create,
        response: { 201: savedViewViewSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const author = authorOf(request);
      const row = await createSavedView(ctx.db, author, request.body, ctx.now());
      return reply
        .status(201)
        .send(presentSavedView(author, row, await countSavedViews(ctx.db, author, row, ctx.now())));
    },
  );

  r.put(
    '/api/v1/saved-views/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'Rename a saved view or change its filters (one’s own; shared ones: supervisors and admins)',
        params: idParam,
        body: change,
        response: { 200: savedViewViewSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const author = authorOf(request);
      const row = await updateSavedView(ctx.db, author, request.params.id, request.body, ctx.now());
      return presentSavedView(author, row, await countSavedViews(ctx.db, author, row, ctx.now()));
    },
  );

  r.delete(
    '/api/v1/saved-views/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'Delete a saved view (one’s own; shared ones: supervisors and admins)',
        params: idParam,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteSavedView(ctx.db, authorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
