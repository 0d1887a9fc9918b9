import { ChainContext, RuleOutput, settingsLevels } from './rule-context';
import { show } from '../diagnostics/problems';

/**
 * Environment variables as Kubernetes keeps them:
 * - a name is set once per level (`defaults`, a service, a version): Kubernetes keeps the last
 *   of two, silently (a more specific level replacing a name is how levels work, and allowed);
 * - `upstreamUrlEnv` names a variable the library sets, so no `env` may set the same name:
 *   one of the two values would be lost;
 * - a variable takes its value from exactly one of `value`, `secretKeyRef` or `configMapKeyRef`.
 */
export function checkEnvVars(chain: ChainContext, out: RuleOutput): void {
  const upstream = chain.props.defaults?.upstreamUrlEnv;
  for (const { path, settings } of settingsLevels(chain)) {
    const first = new Map<string, number>();
    (settings.env ?? []).forEach((variable, j) => {
      const sources = (['value', 'secretKeyRef', 'configMapKeyRef'] as const).filter(key => variable[key] !== undefined);
      if (sources.length !== 1) {
        out.problems.add([...path, 'env', j], `${show(variable.name)} takes its value from ${sources.length === 0 ? 'nowhere' : sources.join(' and ')}; `
          + 'set exactly one of `value`, `secretKeyRef` or `configMapKeyRef`');
      }
      const earlier = first.get(variable.name);
      if (earlier !== undefined) {
        out.problems.add([...path, 'env', j, 'name'], `${show(variable.name)} is already set by env[${earlier}] at this level; `
          + 'Kubernetes would keep only one of the values, so remove one of them');
      } else {
        first.set(variable.name, j);
      }
      if (variable.name === upstream) {
        out.problems.add([...path, 'env', j, 'name'], `${show(variable.name)} is also \`defaults.upstreamUrlEnv\`, the variable the library sets `
          + 'to the URLs of the called services; rename one of them');
      }
    });
  }
}
