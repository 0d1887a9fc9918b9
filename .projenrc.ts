import { javascript, typescript, YamlFile } from 'projen';

/**
 * The project: a cdk8s construct library (lib/), its example app (main.ts), the Istio
 * bindings (imports/), the `service-chain` CLI (cli/) and the committed manifests (dist/).
 *
 * Everything runs as JavaScript bundled by esbuild into build/: the synth path never
 * type-checks the generated bindings. Type-checking happens once, in the test task.
 */
const ESBUILD = 'esbuild --bundle --platform=node --target=node20 --packages=external --outdir=build --log-level=warning';
const BUNDLE = `${ESBUILD} main.ts cli/main.ts bench/run.ts bench/floor.ts`;

const project = new typescript.TypeScriptProject({
  name: 'istio-service-chain',
  description: 'cdk8s constructs and a synth CLI for Istio full-link canary releases',
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  typescriptVersion: '5.9.3',
  packageManager: javascript.NodePackageManager.NPM,
  minNodeVersion: '20.0.0',

  // Layout: main.ts at the top, the library in lib/, compiled output in build/.
  srcdir: 'lib',
  libdir: 'build/tsc',
  testdir: 'test',
  entrypoint: '',
  sampleCode: false,
  artifactsDirectory: 'build/artifacts',
  package: false,
  release: false,
  github: false,
  buildWorkflow: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  eslint: false,
  licensed: false,

  deps: [
    'cdk8s@^2.70.106',
    'cdk8s-plus-27@^2.9.5',
    'constructs@^10.4.2',
    'yaml@^2.8.0',
    'commander@^14.0.0',
    'ajv@^8.17.1',
    're2js@^2.10.0',
  ],
  devDeps: [
    'cdk8s-cli@^2.207.60',
    'esbuild@0.28.2',
    'fast-check@^4.0.0',
    'ts-json-schema-generator@^2.4.0',
    '@types/node@^20',
  ],

  tsconfig: {
    include: ['main.ts', 'lib/**/*.ts', 'imports/**/*.ts', 'cli/**/*.ts', 'bench/**/*.ts'],
    compilerOptions: { rootDir: '.', outDir: 'build/tsc', lib: ['es2022'], target: 'ES2022', skipLibCheck: true, resolveJsonModule: true, isolatedModules: true },
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
      testPathIgnorePatterns: ['/node_modules/', '/build/'],
      modulePathIgnorePatterns: ['<rootDir>/build/'],
      collectCoverage: false,
    },
  },
  // Tests transpile without type-checking (isolatedModules in tsconfig.dev.json);
  // `npm test` type-checks once with tsc first.

  gitignore: ['/build/', '/bench/results/', '*.tsbuildinfo'],
});

// dist/ holds the synthesised manifests and is committed (GitOps repos consume it).
project.gitignore.include('/dist/');
project.npmignore?.exclude('/build/');

project.addFields({ version: '0.1.0', bin: { 'service-chain': 'bin/service-chain.js' } });

// Fast paths: plain npm scripts, no task runner on the way.
project.package.setScript('build:js', BUNDLE);
project.package.setScript('prepare', BUNDLE);
// main.ts writes dist/ (the seed, per-version layout) and gitops/ (every example spec in the
// gitops layout, one sibling folder per example, so that each folder builds on its own).
project.package.setScript('synth', `${ESBUILD} main.ts && node build/main.js`);
project.package.setScript('bench', `${BUNDLE} && node --expose-gc build/bench/run.js`);

// `npm test`: type-check everything once, then jest (which transpiles only).
project.testTask.prependExec('tsc --noEmit -p tsconfig.dev.json');
project.testTask.prependExec(BUNDLE);

project.addTask('import', {
  description: 'Regenerate the Istio bindings in imports/ from a CRD file: npx projen import <crds.yaml>',
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
    imports: ['../shared/istio/networking-crds.yaml'],
  },
});

project.synth();
