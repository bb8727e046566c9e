/**
 * Import cycles are lint errors, between files and between folders alike: a feature folder
 * (dossiers/, tasks/, http/, ...) depends on others in one direction only, so each can be read,
 * tested and changed from the layers below it. Type-only imports count: they tie the two
 * modules' meaning together just as much.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Two modules import each other, directly or through others.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycles',
      scope: 'folder',
      severity: 'error',
      comment: 'Two folders import each other, directly or through others.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|data|client/dist|modeler/dist|test/artifacts)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
