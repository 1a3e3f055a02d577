// Layers of src/, lowest first: a folder may import only from folders before it in this
// list, so imports point down and no two folders can import each other. docs/architecture.md
// explains each layer. Unit specs beside the code are tests and may import anything.
const LAYERS = [
  'common', // pure helpers, and the one clock
  'config',
  'database', // the SQL toolkit
  'identity', // who is calling: AuthUser, Role, CurrentUser, Public
  'events', // the event store, its relay and the typed event map
  'audit', // append-only audit writes
  'outbox', // the mail outbox: features queue mail in their own transaction
  'users',
  'auth',
  'collaboratives', // the access rule
  'notifications',
  'content', // the post lifecycle every kind of content shares
  'threads',
  'practices', // a case study's questions are threads
  'search',
  'moderation',
  'mail', // templates, the sending worker, the mailbox and admin routes
  'live', // the socket gateway reads everything below
  'app', // wiring: app module, OpenAPI, CLIs, health, HTTP plumbing
];

const layerRules = LAYERS.map((layer, rank) => ({
  name: `layer-${layer}`,
  comment: `${layer}/ may import only from layers below it: ${LAYERS.slice(0, rank).join(', ') || 'none'}.`,
  severity: 'error',
  from: { path: `^src/${layer}/`, pathNot: '\\.spec\\.ts$' },
  to: { path: `^src/(${LAYERS.slice(rank + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'unknown-folder',
      comment: 'Every folder of src/ has a place in the layers above; add a new one there.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/', pathNot: [`^src/(${LAYERS.join('|')})/`, '^src/main\\.ts$'] },
    },
    {
      name: 'not-to-test',
      comment: 'The application never imports its tests.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    // Type-only imports count: a layer must not even name what sits above it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
