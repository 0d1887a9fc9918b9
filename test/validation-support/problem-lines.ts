import { ServiceChainProps, validateChain } from '../../lib';
import { formatPath } from '../../lib/diagnostics/problems';

/** The problems validation finds in `props` at paths that start with `prefix`, each as `[path] message`. */
export function problemLines(props: ServiceChainProps, prefix = ''): string[] {
  return validateChain(props).problems.list
    .map(problem => `[${formatPath(problem.path)}] ${problem.message}`)
    .filter(line => line.startsWith(`[${prefix}`));
}

/** The same problems, each as its path and its whole message, for messages too long for one line. */
export function problemEntries(props: ServiceChainProps, prefix = ''): { path: string; message: string }[] {
  return validateChain(props).problems.list
    .map(problem => ({ path: formatPath(problem.path), message: problem.message }))
    .filter(problem => problem.path.startsWith(prefix));
}
