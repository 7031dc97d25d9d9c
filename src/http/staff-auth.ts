import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../contract/api-types.ts';
import { resolveApiToken, resolveSession, sessionExpiresAt, type StaffIdentity } from '../accounts/index.ts';
import type { Db } from '../db/open-database.ts';
import { KeptError } from '../errors/kept-error.ts';
import { foreignRequest } from './same-origin.ts';

export const SESSION_COOKIE = 'kept_session';

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffIdentity | null;
  }
}

/**
 * Resolves the session cookie or a bearer API token into the staff member, before any route runs.
 * Without a bearer token, a change sent from another site is refused first (src/http/same-origin.ts):
 * with the session cookie that is forgery; without it, login and setup would be (the attacker's
 * session planted in the victim's browser), and the portal has no cross-site client (no CORS).
 * `publicUrl` is read per request: a server on port 0 learns its own address after it starts.
 */
export function installStaffAuth(app: FastifyInstance, db: Db, now: () => Date, publicUrl: () => string): void {
  app.decorateRequest('staff', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      request.staff = await resolveApiToken(db, auth.slice(7).trim(), now());
      return;
    }
    refuseForeignRequest(request, publicUrl());
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.staff = await resolveSession(db, token, now());
  });
}

function refuseForeignRequest(request: FastifyRequest, publicUrl: string): void {
  const header = (name: string) => [request.headers[name]].flat()[0];
  const foreign = foreignRequest(
    { method: request.method, secFetchSite: header('sec-fetch-site'), origin: header('origin'), host: request.host },
    [new URL(publicUrl).origin],
  );
  if (!foreign) return;
  const sent = `${foreign.header}: ${foreign.value}`;
  const message =
    `Refused: this change was sent from another site (${sent}); ` +
    'Kept takes changes only from its own pages or with an API token';
  throw new KeptError('auth.cross_origin', message, { header: foreign.header });
}

/** When the credentials of this request lapse by themselves: a session's end; API tokens do not lapse. */
export async function credentialsExpireAt(request: FastifyRequest, db: Db): Promise<Date | null> {
  if (request.headers.authorization?.startsWith('Bearer ')) return null;
  const token = request.cookies[SESSION_COOKIE];
  return token ? sessionExpiresAt(db, token) : null;
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

/** Whether the credentials this request came with are still good (a long-lived stream asks again). */
export async function credentialsStillValid(request: FastifyRequest, db: Db, now: Date): Promise<boolean> {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return (await resolveApiToken(db, auth.slice(7).trim(), now)) !== null;
  const token = request.cookies[SESSION_COOKIE];
  return token ? (await resolveSession(db, token, now)) !== null : false;
}
