// Import boundaries of Kept (issue 19), checked by `npm test` ("Lint and import boundaries"):
//   npx depcruise --config .dependency-cruiser.cjs src web/src
// docs/ARCHITECTURE.md explains the layers; this file is where they are enforced.

/**
 * The folders of src/, lowest first. A folder may import folders of lower rows only: not its
 * own row's other folders, not a higher row. So folders can never import each other in a loop.
 */
const LAYERS = [
  ['errors'],
  ['kernel', 'config', 'net'],
  ['contract'],
  ['db'],
  ['events'],
  ['language', 'clv', 'secrets', 'metrics'],
  ['teams'],
  ['accounts'],
  ['workspaces'],
  ['customers', 'portal'],
  ['desk'],
  ['email', 'retention', 'surveys'],
  ['views'],
  ['live'],
  ['jobs'],
  ['http', 'demo'],
  ['cli'],
];

/** Features: from outside, only their index.ts may be imported (their public face). */
const SEALED = [
  'desk',
  'live',
  'surveys',
  'views',
  'email',
  'retention',
  'accounts',
  'teams',
  'workspaces',
  'customers',
  'portal',
  'metrics',
  'language',
  'clv',
  'secrets',
];

const known = LAYERS.flat();
const layerRules = LAYERS.flatMap((row, level) =>
  row.map((folder) => {
    const above = LAYERS.slice(level + 1).flat();
    const forbidden = [...row.filter((f) => f !== folder), ...above];
    return {
      name: `layer-${folder}`,
      comment: `src/${folder}/ may import only folders below it (${LAYERS.slice(0, level).flat().join(', ') || 'none'})`,
      severity: 'error',
      from: { path: `^src/${folder}/` },
      to: { path: forbidden.length > 0 ? `^src/(${forbidden.join('|')})/` : '^$' },
    };
  }),
);

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'unknown-folder',
      comment: `A new folder of src/ takes a row in LAYERS (.dependency-cruiser.cjs) before it is imported.`,
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/[^/]+/', pathNot: `^src/(${known.join('|')})/` },
    },
    {
      name: 'no-deep-import',
      comment: 'Another feature is imported through its index.ts (its public face) only.',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: `^src/(${SEALED.join('|')})/.+`, pathNot: [`^src/(${SEALED.join('|')})/index\\.ts$`, '^src/$1/'] },
    },
    {
      name: 'no-circular',
      comment: 'No module imports itself through others (type-only imports are erased at run time and may).',
      severity: 'error',
      from: { path: '^(src|web/src)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'thin-routes',
      comment: 'Routes authorize, validate, call one operation and present: no schema, no query builder.',
      severity: 'error',
      from: { path: '^src/http/routes/' },
      to: { path: ['^src/db/schema', '^src/db/(open-database|hot-statement)\\.ts$', '(^|/)node_modules/drizzle-orm/'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import the resolver cannot follow (a wrong path or alias) would hide from every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'web-through-contract',
      comment:
        'The web app shares the contract (types and domain words, through @kept/contract) with the server, nothing else of src/.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: ['^src/contract/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^src/db/migrations/', '(^|/)dist/'] },
    // Type-only imports count: a reader follows them as much as any other.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
