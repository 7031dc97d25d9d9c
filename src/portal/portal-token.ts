import crypto from 'node:crypto';

// Customers reach the portal through signed links, not passwords: the token names the
// workspace and the customer and carries an HMAC with the workspace's portal secret.

interface SigningWorkspace {
  id: string;
  portalSecret: string;
}

function sign(secret: string, payload: string): string {
  return crypto.createHmac('sha256', secret).update(payload).digest('base64url');
}

export function signPortalToken(workspace: SigningWorkspace, customerId: string): string {
  const payload = Buffer.from(`${workspace.id}.${customerId}`).toString('base64url');
  return `${payload}.${sign(workspace.portalSecret, payload)}`;
}

/** The workspace id a token claims, before its signature can be checked against that workspace's secret. */
export function readPortalToken(
  token: string,
): { workspaceId: string; customerId: string; payload: string; signature: string } | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const decoded = Buffer.from(payload, 'base64url').toString('utf8');
  const match = /^([0-9a-f-]{36})\.([0-9a-f-]{36})$/.exec(decoded);
  if (!match) return null;
  return { workspaceId: match[1]!, customerId: match[2]!, payload, signature };
}

export function portalSignatureValid(workspace: SigningWorkspace, payload: string, signature: string): boolean {
  const expected = Buffer.from(sign(workspace.portalSecret, payload));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

export function portalUrlFor(publicUrl: string, workspace: SigningWorkspace, customerId: string): string {
  return `${publicUrl.replace(/\/$/, '')}/portal/s/${signPortalToken(workspace, customerId)}`;
}
