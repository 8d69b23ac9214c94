/** The dependency rules `npm run lint` holds the code to (which folder may import which). */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No import cycle, at any length.', from: {}, to: { circular: true } },
    {
      name: 'libs-not-to-apps',
      severity: 'error',
      comment: 'Libraries serve the apps and never import them.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'nothing-to-bench',
      severity: 'error',
      comment: 'The benchmark depends on the test harness, never the other way round; no app or lib imports it.',
      from: { path: '^(apps|libs|test|scripts)/' },
      to: { path: '^bench/' },
    },
    {
      name: 'apps-not-to-tests',
      severity: 'error',
      comment: 'Apps and libs never import test code.',
      from: { path: '^(apps|libs)/', pathNot: '\.spec\.ts$' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['types', 'import', 'default'], extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
