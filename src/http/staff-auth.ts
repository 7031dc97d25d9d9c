import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../contract/api-types.ts';
import { resolveApiToken, resolveSession, type StaffIdentity } from '../accounts/index.ts';
import type { Db } from '../db/open-database.ts';
import { KeptError } from '../errors/kept-error.ts';

export const SESSION_COOKIE = 'kept_session';

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffIdentity | null;
  }
}

/** Resolves the session cookie or a bearer API token into the staff member, before any route runs. */
export function installStaffAuth(app: FastifyInstance, db: Db, now: () => Date): void {
  app.decorateRequest('staff', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      request.staff = await resolveApiToken(db, auth.slice(7).trim(), now());
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.staff = await resolveSession(db, token, now());
  });
}

/** Routes call this first: 401 without a login, 403 without the role. */
export function requireStaff(request: FastifyRequest, roles?: readonly Role[]): StaffIdentity {
  const staff = request.staff;
  if (!staff) throw new KeptError('auth.required', 'Log in first (a session cookie or an API token is required)');
  if (roles && !roles.includes(staff.role)) {
    throw new KeptError('auth.forbidden', `This needs one of these roles: ${roles.join(', ')}`);
  }
  return staff;
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 14 * 86_400 });
}
