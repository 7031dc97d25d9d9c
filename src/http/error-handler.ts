import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { foreignKeyViolation } from '../db/pg-error.ts';
import { KeptError, RetryLaterError } from '../errors/kept-error.ts';

// Fastify's own failures mapped to our catalogue, so a client always gets a stable code.
const FASTIFY_CODES: Record<string, { code: string; status: number; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'request.too_large', status: 413, message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'request.unsupported_media_type',
    status: 415,
    message: 'Send the body as application/json',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'request.malformed_json', status: 400, message: 'The JSON body is empty' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'request.invalid',
    status: 400,
    message: 'The Content-Length header does not match the body',
  },
  FST_ERR_BAD_URL: {
    code: 'request.invalid_encoding',
    status: 400,
    message: 'The URL path is not valid: a %-escape is not UTF-8 or is cut short',
  },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'request.invalid', status: 400, message: 'A part of the URL path is too long' },
};

/**
 * The router refuses some URLs before any hook or route runs (a path whose %-escapes are not
 * UTF-8, an over-long parameter); Fastify's `frameworkErrors` option sends them here, so they
 * get the same catalogued shape as every other error.
 */
export function routerError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  const { code, status, message } = mapped ?? { code: 'request.invalid', status: 400, message: error.message };
  void reply.status(status).send({ error: { code, message } });
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof RetryLaterError) reply.header('retry-after', String(error.retryAfterSeconds));
    if (error instanceof KeptError) return reply.status(error.status).send(error.toJSON());
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const where = error.validationContext ?? 'body';
      const keys = first?.keyword === 'unrecognized_keys' ? ((first.params as { keys?: string[] }).keys ?? []) : [];
      const path = (first?.instancePath ?? '').split('/').filter(Boolean);
      const field = [...path, ...keys.slice(0, 1)].join('.') || undefined;
      const message =
        keys.length > 0
          ? `Unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')} in the ${where}`
          : `${field ? `"${field}" in the ${where}` : `The ${where}`}: ${first?.message ?? 'is invalid'}`;
      return reply.status(400).send({ error: { code: 'request.invalid', message, ...(field ? { field } : {}) } });
    }
    if (isResponseSerializationError(error)) {
      // The answer did not fit the route's response schema (a presenter and src/contract drifted
      // apart). Sending it half-checked could leak a field or break the web app: refuse, and log
      // which route and which fields, for us to fix the presenter or the contract.
      request.log.error({ err: error, issues: error.cause.issues }, 'a response did not match its schema');
      const refused = new KeptError('internal.response_shape', 'Something went wrong on our side; it has been logged');
      return reply.status(refused.status).send(refused.toJSON());
    }
    const reference = foreignKeyViolation(error);
    if (reference) {
      // A safety net, not the check: every id is meant to be looked up in the caller's workspace
      // first (requireCase, requireUser …), so reaching here means an operation missed one.
      request.log.warn({ err: error }, 'a foreign-key violation reached the error handler: an id was not checked');
      const location = reference.field ? { field: reference.field } : {};
      const named = reference.field ? `"${reference.field}"` : 'An id in the request';
      const refused =
        reference.kind === 'missing'
          ? new KeptError('request.unknown_reference', `${named} names nothing that exists`, location)
          : new KeptError('request.still_referenced', 'This is still in use by other records, so it stays', location);
      return reply.status(refused.status).send(refused.toJSON());
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return reply.status(mapped.status).send({ error: { code: mapped.code, message: mapped.message } });
    if (error.statusCode === 429) {
      return reply
        .status(429)
        .send({ error: { code: 'auth.rate_limited', message: 'Too many attempts; wait a minute and try again' } });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: { code: 'request.invalid', message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: 'Something went wrong on our side; it has been logged' } });
  });
  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` } });
  });
}
