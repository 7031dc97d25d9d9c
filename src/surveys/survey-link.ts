import crypto from 'node:crypto';

// The one-click answer links in a survey e-mail: no login, a signed token naming the workspace
// and the survey, HMAC'd with the workspace's portal secret like the portal's own links
// (src/portal/). Its payload carries its own prefix, so it cannot be replayed as a portal
// session or expectation link, nor they as this.

interface SigningWorkspace {
  id: string;
  portalSecret: string;
}

const PREFIX = 'survey';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PAYLOAD = new RegExp(`^${PREFIX}\\.(${UUID})\\.(${UUID})$`);

function sign(secret: string, payload: string): string {
  return crypto.createHmac('sha256', secret).update(payload).digest('base64url');
}

export function signSurveyToken(workspace: SigningWorkspace, surveyId: string): string {
  const payload = Buffer.from(`${PREFIX}.${workspace.id}.${surveyId}`).toString('base64url');
  return `${payload}.${sign(workspace.portalSecret, payload)}`;
}

/** What a token claims, before its signature is checked against that workspace's secret. */
export function readSurveyToken(
  token: string,
): { workspaceId: string; surveyId: string; payload: string; signature: string } | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const match = PAYLOAD.exec(Buffer.from(payload, 'base64url').toString('utf8'));
  if (!match) return null;
  return { workspaceId: match[1]!, surveyId: match[2]!, payload, signature };
}

export function surveySignatureValid(workspace: SigningWorkspace, payload: string, signature: string): boolean {
  const expected = Buffer.from(sign(workspace.portalSecret, payload));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/** The answer page; with `score`, the page records that score at once (one click from the e-mail). */
export function surveyUrlFor(publicUrl: string, workspace: SigningWorkspace, surveyId: string, score?: number): string {
  const base = `${publicUrl.replace(/\/$/, '')}/portal/survey/${signSurveyToken(workspace, surveyId)}`;
  return score === undefined ? base : `${base}?score=${score}`;
}
