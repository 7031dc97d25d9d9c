import crypto from 'node:crypto';

// The one-question page linked from the first acknowledgement ("by when do you expect an
// answer?"): a signed link naming the workspace and the case. Its payload carries its own
// prefix, so it can never be replayed as a portal session link (and the reverse).

interface SigningWorkspace {
  id: string;
  portalSecret: string;
}

const PREFIX = 'expect';

function sign(secret: string, payload: string): string {
  return crypto.createHmac('sha256', secret).update(payload).digest('base64url');
}

export function signExpectationToken(workspace: SigningWorkspace, caseId: string): string {
  const payload = Buffer.from(`${PREFIX}.${workspace.id}.${caseId}`).toString('base64url');
  return `${payload}.${sign(workspace.portalSecret, payload)}`;
}

export function readExpectationToken(
  token: string,
): { workspaceId: string; caseId: string; payload: string; signature: string } | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const match = /^expect\.([0-9a-f-]{36})\.([0-9a-f-]{36})$/.exec(Buffer.from(payload, 'base64url').toString('utf8'));
  if (!match) return null;
  return { workspaceId: match[1]!, caseId: match[2]!, payload, signature };
}

export function expectationSignatureValid(workspace: SigningWorkspace, payload: string, signature: string): boolean {
  const expected = Buffer.from(sign(workspace.portalSecret, payload));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

export function expectationUrlFor(publicUrl: string, workspace: SigningWorkspace, caseId: string): string {
  return `${publicUrl.replace(/\/$/, '')}/portal/expect/${signExpectationToken(workspace, caseId)}`;
}
