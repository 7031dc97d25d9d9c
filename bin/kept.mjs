#!/usr/bin/env node
// Kept runs from its TypeScript sources through tsx: no build step between a change and a run.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/kept.ts');
