import { formatFinding, lintPaths } from '../../lib/lint';

/*
 * Bundled by test/lint-bundle.test.ts the way esbuild bundles the CLI into build/, to
 * show the schemas are found from there: prints one finding per line for the paths given.
 */
for (const finding of lintPaths(process.argv.slice(2))) console.log(formatFinding(finding));
