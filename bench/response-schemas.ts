/**
 * What the response schemas cost (issue 19 item 7): the same answers through Fastify with the
 * route's generated zod schema (parse, strip unknown fields, then JSON.stringify: the
 * serializerCompiler of fastify-type-provider-zod) against the same route with no schema
 * (Fastify's plain JSON.stringify), in interleaved rounds of the same run, as CPU time per request. No database: the
 * answers are built once, so the figure is the serialization and the HTTP stack alone, the
 * worst case for the ratio (a real route also reads the store).
 *
 *   npx tsx bench/response-schemas.ts
 *   BENCH_REQUESTS=2000 BENCH_ROUNDS=5 npx tsx bench/response-schemas.ts
 *
 * Answers: a case with a 200-item timeline (CaseDetailResponse, the largest the web app
 * reads often) and a list of 50 cases (CaseListResponse).
 */
import os from 'node:os';
import Fastify, { type FastifyInstance } from 'fastify';
import { sample } from 'openapi-sampler';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  caseDetailResponseSchema,
  caseListResponseSchema,
  hellMetricNameSchema,
} from '../src/contract/response-schemas/api-types.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/** A valid answer of the schema, its array at `arrayKey` grown to `length` items. */
function answerOf(schema: z.ZodType, arrayKey: string, length: number): Record<string, unknown> {
  const one = sample(z.toJSONSchema(schema, { io: 'output' }) as never, { skipNonRequired: false }) as Record<
    string,
    unknown
  >;
  // openapi-sampler fills a Record<metric name, number> with property1, property2: name them.
  const hell = one.hell as { metrics?: Record<string, number> } | undefined;
  if (hell?.metrics) hell.metrics = Object.fromEntries(hellMetricNameSchema.options.map((o) => [o.value, 1]));
  const item = (one[arrayKey] as unknown[])[0];
  const answer = { ...one, [arrayKey]: Array.from({ length }, () => structuredClone(item)) };
  schema.parse(answer); // the bench must time a success, not a refusal
  return answer;
}

const ANSWERS = [
  {
    name: 'case, 200-item timeline',
    url: '/case',
    schema: caseDetailResponseSchema,
    answer: answerOf(caseDetailResponseSchema, 'timeline', 200),
  },
  {
    name: 'list of 50 cases',
    url: '/cases',
    schema: caseListResponseSchema,
    answer: answerOf(caseListResponseSchema, 'cases', 50),
  },
];

async function appWith(schemas: boolean): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  for (const { url, schema, answer } of ANSWERS) {
    app.get(url, schemas ? { schema: { response: { 200: schema } } } : {}, async () => answer);
  }
  await app.ready();
  return app;
}

/** CPU microseconds per request (user + system): on a shared, loaded machine wall time mostly measures the neighbours. */
async function cpuPerRequest(app: FastifyInstance, url: string): Promise<number> {
  const started = process.cpuUsage();
  for (let i = 0; i < REQUESTS; i++) {
    const response = await app.inject({ method: 'GET', url });
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
  }
  const used = process.cpuUsage(started);
  return (used.user + used.system) / REQUESTS;
}

/** The serializer alone, as Fastify calls it: CPU microseconds per answer. */
function cpuPerSerialization(serialize: (data: unknown) => string, answer: unknown): number {
  const started = process.cpuUsage();
  for (let i = 0; i < REQUESTS; i++) serialize(answer);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / REQUESTS;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const withSchemas = await appWith(true);
const without = await appWith(false);
console.log(
  `load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; ${REQUESTS} requests × ${ROUNDS} rounds`,
);
for (const { name, url, schema, answer } of ANSWERS) {
  const bytes = (await without.inject({ method: 'GET', url })).body.length;
  await cpuPerRequest(withSchemas, url); // warm both paths before timing
  await cpuPerRequest(without, url);
  const on: number[] = [];
  const off: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    on.push(await cpuPerRequest(withSchemas, url));
    off.push(await cpuPerRequest(without, url));
  }
  const [a, b] = [median(on), median(off)];
  const zodSerializer = serializerCompiler({ schema, method: 'GET', url, httpStatus: '200' } as never) as (
    data: unknown,
  ) => string;
  const alone: number[][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    alone.push([cpuPerSerialization(zodSerializer, answer), cpuPerSerialization(JSON.stringify, answer)]);
  }
  const [c, d] = [median(alone.map((x) => x[0]!)), median(alone.map((x) => x[1]!))];
  console.log(
    `${name}: the serializer alone ${c.toFixed(0)} µs with the schema, JSON.stringify ${d.toFixed(0)} µs; ratio ${(c / d).toFixed(2)}`,
  );
  console.log(
    `${name} (${(bytes / 1024).toFixed(0)} KiB): CPU per request with schemas ${a.toFixed(0)} µs, ` +
      `without ${b.toFixed(0)} µs; ratio ${(a / b).toFixed(2)} (rounds: ${on.map((x, i) => (x / off[i]!).toFixed(2)).join(' ')})`,
  );
}
await withSchemas.close();
await without.close();
