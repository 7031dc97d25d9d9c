import { z } from 'zod';
import { createTeam, deleteTeam, listTeams, removeTeamCalendar, renameTeam } from '../../teams/index.ts';
import { requireStaff } from '../staff-auth.ts';
import { idParam, shortText, typed, type RouteDeps } from '../route-kit.ts';
import { teamListResponseSchema, teamViewSchema } from '../../contract/response-schemas/team-api-types.ts';
import { errorResponses, noContent } from '../route-responses.ts';

const teamBody = z.strictObject({ name: shortText(80) });

/** Teams: who works together, for per-team figures and per-team business hours. People join a team through PATCH /users/:id. */
export function registerTeamRoutes({ app, ctx }: RouteDeps): void {
  const r = typed(app);

  r.get(
    '/api/v1/teams',
    {
      schema: {
        response: { 200: teamListResponseSchema, ...errorResponses(401) },
        tags: ['teams'],
        summary: 'Teams of the workspace with their member counts',
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return { teams: await listTeams(ctx.db, staff.workspaceId) };
    },
  );

  r.post(
    '/api/v1/teams',
    {
      schema: {
        response: { 201: teamViewSchema, ...errorResponses(400, 401, 403, 409) },
        tags: ['teams'],
        summary: 'Create a team (admin); names are unique per workspace, ignoring case',
        body: teamBody,
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request, ['admin']);
      return reply.status(201).send(await createTeam(ctx.db, staff.workspaceId, request.body.name));
    },
  );

  r.patch(
    '/api/v1/teams/:id',
    {
      schema: {
        response: { 200: teamViewSchema, ...errorResponses(400, 401, 403, 404, 409) },
        tags: ['teams'],
        summary: 'Rename a team (admin)',
        params: idParam,
        body: teamBody,
      },
    },
    async (request) => {
      const staff = requireStaff(request, ['admin']);
      return renameTeam(ctx.db, staff.workspaceId, request.params.id, request.body.name);
    },
  );

  r.delete(
    '/api/v1/teams/:id',
    {
      schema: {
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404, 409) },
        tags: ['teams'],
        summary: 'Delete a team (admin); 409 team.not_empty while it has people or its own business hours',
        params: idParam,
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request, ['admin']);
      await deleteTeam(ctx.db, staff.workspaceId, request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.delete(
    '/api/v1/teams/:id/calendar',
    {
      schema: {
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404) },
        tags: ['teams'],
        summary: 'Remove the team’s own business hours (admin): the workspace calendar applies again',
        params: idParam,
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request, ['admin']);
      await removeTeamCalendar(ctx.db, staff.workspaceId, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
