import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { installErrorHandler } from './error-handler.ts';
import { errorResponses, noContent } from './route-responses.ts';

const team = z.object({ id: z.string(), name: z.string() });

async function appAnswering(answer: unknown) {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.get('/team', { schema: { response: { 200: team, ...errorResponses(404) } } }, async () => answer);
  app.delete('/team', { schema: { response: { 204: noContent } } }, async (_request, reply) =>
    reply.status(204).send(null),
  );
  await app.ready();
  return app;
}

describe('route responses', () => {
  it('sends a field the contract does not name nowhere: the schema strips it', async () => {
    const app = await appAnswering({ id: 't1', name: 'Desk', passwordHash: 'secret' });
    const response = await app.inject({ method: 'GET', url: '/team' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: 't1', name: 'Desk' });
  });

  it('refuses an answer that does not fit its schema with a catalogued 500, sending none of it', async () => {
    const app = await appAnswering({ id: 't1', name: new Date(0) });
    const response = await app.inject({ method: 'GET', url: '/team' });
    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe('internal.response_shape');
    expect(response.body).not.toContain('1970');
  });

  it('lists the error statuses asked for, and 500 always', () => {
    expect(Object.keys(errorResponses(400, 404)).sort()).toEqual(['400', '404', '500']);
    expect(Object.keys(errorResponses())).toEqual(['500']);
  });

  it('answers a 204 with no body', async () => {
    const app = await appAnswering({});
    const response = await app.inject({ method: 'DELETE', url: '/team' });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
  });
});
