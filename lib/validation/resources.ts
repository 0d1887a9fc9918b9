import { ChainContext, RuleOutput, settingsLevels } from './rule-context';
import { PathSegment, Problems, show } from '../diagnostics/problems';
import { ResourceSettings } from '../props/workload-settings';

/** Multipliers of the suffixes of Kubernetes quantities. */
const SUFFIXES: Record<string, number> = {
  '': 1,
  'n': 1e-9,
  'u': 1e-6,
  'm': 1e-3,
  'k': 1e3,
  'M': 1e6,
  'G': 1e9,
  'T': 1e12,
  'P': 1e15,
  'E': 1e18,
  'Ki': 2 ** 10,
  'Mi': 2 ** 20,
  'Gi': 2 ** 30,
  'Ti': 2 ** 40,
  'Pi': 2 ** 50,
  'Ei': 2 ** 60,
};

/** A non-negative Kubernetes quantity: a decimal number, then a suffix or a decimal exponent. */
const QUANTITY = /^\+?(\d+(?:\.\d*)?|\.\d+)(?:(n|u|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)|[eE]([-+]?\d+))?$/;

/** The value of a quantity (`250m` is 0.25), or `undefined` when it is not one. */
export function quantityValue(text: string): number | undefined {
  const match = QUANTITY.exec(text);
  if (!match) return undefined;
  const exponent = match[3] !== undefined ? 10 ** Number(match[3]) : 1;
  return Number(match[1]) * SUFFIXES[match[2] ?? ''] * exponent;
}

/**
 * CPU and memory are Kubernetes quantities (`250m`, `0.5`, `128Mi`, `1G`), and a request
 * cannot be more than its limit, which the API server would refuse.
 */
export function checkResources(chain: ChainContext, out: RuleOutput): void {
  for (const { path, settings } of settingsLevels(chain)) {
    if (settings.resources) checkResourceSettings(out.problems, [...path, 'resources'], settings.resources);
  }
}

function checkResourceSettings(problems: Problems, path: PathSegment[], resources: ResourceSettings): void {
  for (const kind of ['requests', 'limits'] as const) {
    for (const resource of ['cpu', 'memory'] as const) {
      const text = resources[kind]?.[resource];
      if (text === undefined || quantityValue(text) !== undefined) continue;
      const example = resource === 'cpu' ? '"250m" or "0.5"' : '"128Mi" or "1Gi"';
      problems.add([...path, kind, resource], `${show(text)} is not a Kubernetes quantity; write a number with an optional suffix, such as ${example}`);
    }
  }
  for (const resource of ['cpu', 'memory'] as const) {
    const request = resources.requests?.[resource];
    const limit = resources.limits?.[resource];
    // Stryker disable next-line ConditionalExpression,LogicalOperator: an unset quantity reads as undefined below, and then nothing is compared
    if (request === undefined || limit === undefined) continue;
    const requested = quantityValue(request);
    const limited = quantityValue(limit);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: `undefined > x` and `x > undefined` are false: the checks for undefined satisfy the types
    if (requested !== undefined && limited !== undefined && requested > limited) {
      problems.add([...path, 'requests', resource], `${show(request)} is more than the limit ${show(limit)}; `
        + 'Kubernetes refuses a request above its limit, so lower the request or raise the limit');
    }
  }
}
