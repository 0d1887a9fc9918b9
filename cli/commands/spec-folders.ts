import { basename, extname } from 'path';
import { CliError } from '../cli-error';

/**
 * The sub-folder of each spec when several are synthesised into one folder: the spec's
 * file name without its extension (`examples/shop.yaml` -> `shop`). Worked out for all
 * specs before anything is synthesised; two specs with one folder (`a/shop.yaml` and
 * `b/shop.yaml`, or `shop.yaml` and `shop.yml`) and names that give an empty, hidden, `.`
 * or `..` folder (`.yaml`, `..yaml`) are one error listing every problem.
 */
export function specFolders(specs: readonly string[]): string[] {
  const folders = specs.map(spec => basename(spec, extname(spec)));
  const problems: string[] = [];
  folders.forEach((folder, i) => {
    if (folder === '' || folder.startsWith('.')) {
      problems.push(`${specs[i]} would go to the sub-folder ${JSON.stringify(folder)}, which is empty or hidden; rename the spec, for example to shop.yaml`);
    }
    const first = folders.indexOf(folder);
    if (first < i) {
      problems.push(`${specs[first]} and ${specs[i]} would both go to the sub-folder ${folder}/; rename one of them, or synth them into different folders`);
    }
  });
  if (problems.length > 0) throw new CliError(`the specs cannot share one output folder:\n${problems.map(p => `  ${p}`).join('\n')}`);
  return folders;
}
