import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '../contract/response-schemas/api-types.ts';

/**
 * Response schemas every route declares next to its success schema (issue 19 item 7):
 *
 *   response: { 200: caseDetailResponseSchema, ...errorResponses(400, 401, 404) }
 *
 * The error body is the contract's ApiError, the shape src/http/error-handler.ts sends. It is
 * loose at the top level because some refusals carry more than the error (a 422 over-promise
 * carries the quote, a refused import its report), which the client needs and must not lose.
 */
export const errorBodySchema = apiErrorSchema.loose().describe('An error: a stable code, a message, where');

/** What a route can refuse with. 500 is always added: any route can fail on our side. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

export function errorResponses<S extends ErrorStatus = never>(
  ...statuses: S[]
): Record<S | 500, typeof errorBodySchema> {
  const responses = { 500: errorBodySchema } as Partial<Record<S | 500, typeof errorBodySchema>>;
  for (const status of statuses) responses[status] = errorBodySchema;
  return responses as Record<S | 500, typeof errorBodySchema>;
}

/** A 204: the OpenAPI document shows no body (type null has no content). */
export const noContent = z.null().describe('Done; no body');

/** A file download: bytes, never serialized as JSON (a Buffer or stream skips the serializer). */
export function binaryDownload(contentType: string, description: string) {
  return { description, content: { [contentType]: { schema: z.string().meta({ format: 'binary' }) } } };
}

/**
 * The zod-to-OpenAPI transform, with two corrections to what it writes for responses: a 204's
 * z.null() becomes `type: null`, which @fastify/swagger documents as no body at all, and a
 * nullable enum lists null among its values, as OpenAPI 3.0.3 requires (validators such as Ajv
 * refuse null otherwise).
 */
export const documentRoute: typeof jsonSchemaTransform = (input) => {
  const output = jsonSchemaTransform(input);
  const response = (output.schema as { response?: Record<string, unknown> } | undefined)?.response;
  for (const [status, schema] of Object.entries(response ?? {})) {
    if (status === '204') response![status] = { type: 'null', description: noContent.description };
    else addNullToNullableEnums(schema);
  }
  return output;
};

function addNullToNullableEnums(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(addNullToNullableEnums);
  if (!node || typeof node !== 'object') return;
  const schema = node as { nullable?: boolean; enum?: unknown[] };
  if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum.push(null);
  for (const child of Object.values(node)) addNullToNullableEnums(child);
}
