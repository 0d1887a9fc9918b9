import { loadManifests } from '../../lib/lint';

/*
 * Bundled by test/lint-scale.test.ts and run as an unprivileged user where the tests run as
 * root (for whom file modes do not block reading): prints what loadManifests read as JSON.
 */
const { manifests, findings } = loadManifests(process.argv.slice(2));
process.stdout.write(JSON.stringify({ files: manifests.map(m => m.file), findings }));
