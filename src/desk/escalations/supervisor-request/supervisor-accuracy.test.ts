import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { measureSupervisor, type SupervisorRow } from './supervisor-accuracy.ts';

// Issue 18: precision and recall on the tuning sets (the rules were fixed against them) and on
// the held-out sets (written before the rules were measured on them, never tuned on; their
// failures are not printed here on purpose). docs/LANGUAGE.md reports both.
const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sets');
const load = (name: string) => JSON.parse(fs.readFileSync(path.join(DIR, `${name}.json`), 'utf8')) as SupervisorRow[];

const TARGET = { precision: 0.9, recall: 0.9 };

describe('supervisor requests on labelled sets', () => {
  for (const language of ['en', 'ar', 'he', 'ru'] as const) {
    it(`${language}: the held-out set has at least 150 messages, half requests, and meets the targets`, () => {
      const rows = load(`held-out-${language}`);
      expect(rows.length).toBeGreaterThanOrEqual(150);
      expect(rows.filter(([label]) => label === 1).length).toBeGreaterThanOrEqual(75);
      const a = measureSupervisor(rows);
      if (process.env.KEPT_SHOW_ACCURACY)
        console.log('held-out', language, JSON.stringify({ ...a, errors: a.errors.length }));
      expect(a.precision).toBeGreaterThanOrEqual(TARGET.precision);
      expect(a.recall).toBeGreaterThanOrEqual(TARGET.recall);
    });

    it(`${language}: the tuning set meets the targets`, () => {
      const a = measureSupervisor(load(`tuning-${language}`));
      if (process.env.KEPT_SHOW_ACCURACY) {
        console.log('tuning', language, JSON.stringify({ ...a, errors: a.errors }));
      }
      expect(a.precision).toBeGreaterThanOrEqual(TARGET.precision);
      expect(a.recall).toBeGreaterThanOrEqual(TARGET.recall);
    });
  }
});
