/*
 * A writer that dies: `node crash-writer.js <outdir> <files.json> <step>` writes the files
 * into outdir and kills itself with SIGKILL at the given step of the write (counted from 0),
 * as a crash or a power cut would stop it. Bundled by the crash tests.
 */
import { readFileSync } from 'fs';
import { writeFilesAtomically } from '../../lib/output/write';

const [outdir, filesJson, stepText] = process.argv.slice(2);
let step = 0;
writeFilesAtomically(outdir, JSON.parse(readFileSync(filesJson, 'utf8')), {
  onStep: () => {
    if (step++ === Number(stepText)) process.kill(process.pid, 'SIGKILL');
  },
});
