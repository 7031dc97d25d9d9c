// What the desk-flow tests do again and again through the API: a customer writes in the portal,
// and an agent opens that case by its reference.
import { expect } from 'vitest';
import type { CaseDetailResponse, PortalRequestCreated } from '../../../src/contract/api-types.ts';
import type { TestWorkspace } from './factories.ts';
import { json } from './test-kept.ts';

export async function portalRequest(
  ws: TestWorkspace,
  body: string,
  who = { name: 'أحمد منصور', email: `ahmed-${Math.random().toString(36).slice(2)}@example.com` },
): Promise<PortalRequestCreated> {
  const response = await ws.request(null, {
    method: 'POST',
    url: `/api/v1/portal/${ws.slug}/requests`,
    payload: { ...who, body },
  });
  expect(response.statusCode).toBe(201);
  return json<PortalRequestCreated>(response);
}

export async function caseByReference(ws: TestWorkspace, reference: string): Promise<CaseDetailResponse> {
  const list = await ws.request(ws.admin, { method: 'GET', url: `/api/v1/cases?view=all&q=${reference}` });
  const id = json(list).cases[0].id as string;
  return json<CaseDetailResponse>(await ws.request(ws.admin, { method: 'GET', url: `/api/v1/cases/${id}` }));
}
