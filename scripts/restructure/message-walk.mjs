// The one-message walk of issue 19, measured: a customer's portal request followed from HTTP to
// the stored message and its acknowledgement, as calls from file to file. A "climb back up" is
// a call into a folder that imports the caller's folder back (both on one import loop).
// Usage: node scripts/restructure/message-walk.mjs [checkout of the old layout, e.g. ../main]
import path from 'node:path';
import { folderGraph } from '../folder-graph.mjs';
import { readMoveMap } from './move-map.mjs';

// Calls in the order intake makes them (src/cases/receive-customer-message.ts), old layout.
const CALLS = [
  ['http/routes/portal-routes.ts', 'portal/portal-operations.ts'], // workspaceBySlug
  ['portal/portal-operations.ts', 'workspaces/load-workspace.ts'],
  ['http/routes/portal-routes.ts', 'cases/receive-customer-message.ts'],
  ['cases/receive-customer-message.ts', 'customers/customer-identity.ts'], // normalizeEmail
  ['cases/receive-customer-message.ts', 'workspaces/load-workspace.ts'],
  ['cases/receive-customer-message.ts', 'cases/read-intake-state.ts'], // readNewCase
  ['cases/read-intake-state.ts', 'cases/read-new-cases.ts'],
  ['cases/read-intake-state.ts', 'cases/staff-loads.ts'],
  ['cases/read-intake-state.ts', 'db/hot-statement.ts'],
  ['cases/receive-customer-message.ts', 'language/detect-language.ts'],
  ['cases/receive-customer-message.ts', 'cases/choose-owner.ts'],
  ['cases/receive-customer-message.ts', 'cases/case-reference.ts'],
  ['cases/receive-customer-message.ts', 'cases/case-status.ts'],
  ['cases/receive-customer-message.ts', 'escalations/supervisor-request/supervisor-request-phrases.ts'],
  ['cases/receive-customer-message.ts', 'promises/capability/quote-for-case.ts'],
  ['cases/receive-customer-message.ts', 'acknowledgements/acknowledgement-window.ts'],
  ['cases/receive-customer-message.ts', 'portal/portal-token.ts'],
  ['cases/receive-customer-message.ts', 'portal/expectation-link.ts'],
  ['cases/receive-customer-message.ts', 'acknowledgements/plan-acknowledgement.ts'],
  ['acknowledgements/plan-acknowledgement.ts', 'acknowledgements/acknowledgement-text.ts'],
  ['acknowledgements/plan-acknowledgement.ts', 'email/outbound/email-job-names.ts'],
  ['cases/receive-customer-message.ts', 'promises/make-promise.ts'], // planPromise
  ['promises/make-promise.ts', 'jobs/timer-names.ts'],
  ['cases/receive-customer-message.ts', 'service-hell/hell-assessment-timer.ts'],
  ['cases/receive-customer-message.ts', 'cases/intake-group-commit.ts'],
  ['cases/intake-group-commit.ts', 'cases/write-intake.ts'],
  ['cases/write-intake.ts', 'jobs/start-jobs.ts'], // Timers.insertText, through the desk context
];

function measure(root, calls) {
  const { loopOf } = folderGraph(root);
  const folder = (f) => f.split('/')[0];
  const files = new Set(calls.flat());
  const folders = new Set([...files].map(folder));
  const climbs = calls.filter(
    ([a, b]) => folder(a) !== folder(b) && loopOf(folder(a)) && loopOf(folder(a)) === loopOf(folder(b)),
  );
  return { stops: calls.length + 1, files: files.size, folders: folders.size, climbs };
}

const root = process.cwd();
const { mapped } = readMoveMap(root);
const now = CALLS.map((call) => call.map((f) => mapped(`src/${f}`).slice(4)));
const report = (label, m) => {
  console.log(
    `${label}: ${m.stops} stops in ${m.files} files, ${m.folders} folders, ${m.climbs.length} climbs back up`,
  );
  for (const [a, b] of m.climbs) console.log(`    ${a} -> ${b}`);
};
if (process.argv[2]) report('before', measure(path.resolve(process.argv[2]), CALLS));
report('after', measure(root, now));
