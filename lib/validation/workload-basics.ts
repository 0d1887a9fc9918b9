import { checkName, DNS_1123_SUBDOMAIN, LABEL_KEY } from './name-syntax';
import { ChainContext, deciding, RuleOutput, settingsLevels, versionLevels } from './rule-context';
import { formatPath, PathSegment, show } from '../diagnostics/problems';
import { workloadObjectsOf, writesDeployments } from '../model/defaults';
import { WorkloadObjects } from '../props/chain-props';
import { ProbeSettings } from '../props/workload-settings';

/** A key of a Secret or ConfigMap, as Kubernetes checks it. */
const DATA_KEY = /^[-._a-zA-Z0-9]{1,253}$/;

/** A count, or a whole percentage: what a PodDisruptionBudget takes. */
const PERCENTAGE = /^(\d|[1-9]\d|100)%$/;

/**
 * Probes, disruption budgets and autoscalers as Kubernetes takes them:
 * - a probe sets exactly one of `httpGet` (a path starting with `/`), `tcpSocket`, `exec`, and
 *   probes a port the container declares (the service's port), checked per version where the levels combine;
 * - a disruption budget sets exactly one of `minAvailable`, `maxUnavailable`, each a count or a percentage;
 * - an autoscaler's `minReplicas` is at most its `maxReplicas`;
 * - budgets and autoscalers need the chain to write the Deployments they belong to, and
 *   ServiceAccounts need it to write the Services at least (`workloads: none` writes neither);
 * - an autoscaler reads CPU use in percent of the CPU request: without one it cannot scale (a warning);
 * - a topology key is a label key; an env variable's Secret or ConfigMap is a DNS-1123 subdomain
 *   and its key a data key (letters, digits, `-`, `_`, `.`).
 */
export function checkWorkloadBasics(chain: ChainContext, out: RuleOutput): void {
  const deployments = writesDeployments(chain.props);
  for (const { path, settings } of settingsLevels(chain)) {
    for (const key of ['readinessProbe', 'livenessProbe'] as const) {
      const probe = settings[key];
      if (probe && actions(probe).length !== 1) {
        out.problems.add([...path, key], `sets ${actions(probe).length === 0 ? 'no check' : actions(probe).join(' and ')}; `
          + 'set exactly one of `httpGet`, `tcpSocket` or `exec`');
      }
      const probedPath = probe?.httpGet?.path;
      if (probedPath !== undefined && !probedPath.startsWith('/')) {
        out.problems.add([...path, key, 'httpGet', 'path'], `${show(probedPath)} does not start with "/"; write the path as the server sees it, `
          + `such as ${show(`/${probedPath}`)}`);
      }
    }
    const budget = settings.disruptionBudget;
    if (budget) {
      const set = (['minAvailable', 'maxUnavailable'] as const).filter(key => budget[key] !== undefined);
      if (set.length !== 1) {
        out.problems.add([...path, 'disruptionBudget'], `sets ${set.length === 0 ? 'neither' : 'both'} of \`minAvailable\` and \`maxUnavailable\`; `
          + 'set exactly one');
      }
      for (const key of set) checkCountOrPercentage(out, [...path, 'disruptionBudget', key], budget[key]!);
    }
    const scaling = settings.autoscaling;
    if (scaling && (scaling.minReplicas ?? 1) > scaling.maxReplicas) {
      out.problems.add([...path, 'autoscaling'], `has minReplicas ${scaling.minReplicas ?? 1} above maxReplicas ${scaling.maxReplicas}; `
        + 'raise `maxReplicas` or lower `minReplicas`');
    }
    // Stryker disable next-line ArrayDeclaration: a level without topologySpread has nothing to check, and an entry that is not an object has no key
    (settings.topologySpread ?? []).forEach((spread, j) => {
      if (spread.topologyKey !== undefined) checkName(out.problems, [...path, 'topologySpread', j, 'topologyKey'], spread.topologyKey, LABEL_KEY, 'topology key (a node label key)');
    });
    // Stryker disable next-line ArrayDeclaration: a level without env has nothing to check, and a variable that is not an object has no reference
    (settings.env ?? []).forEach((variable, j) => {
      for (const field of ['secretKeyRef', 'configMapKeyRef'] as const) {
        const ref = variable[field];
        if (ref === undefined) continue;
        const what = field === 'secretKeyRef' ? 'Secret' : 'ConfigMap';
        checkName(out.problems, [...path, 'env', j, field, 'name'], ref.name, DNS_1123_SUBDOMAIN, `${what} name`);
        if (!DATA_KEY.test(ref.key)) {
          out.problems.add([...path, 'env', j, field, 'key'], `${show(ref.key)} is not a valid ${what} key; use 1 to 253 letters, digits, '-', '_' or '.'`);
        }
      }
    });
    for (const key of ['disruptionBudget', 'autoscaling'] as const) {
      if (settings[key] !== undefined && !deployments) {
        out.problems.add([...path, key], 'is set but the chain does not write the Deployments (`workloads` is not `all`); '
          + 'define it beside the Deployments, or remove it');
      }
    }
  }
  const serviceAccountLevels: Array<[PathSegment[], boolean | undefined]> = [
    [['defaults', 'serviceAccount'], chain.props.defaults?.serviceAccount],
    ...chain.services.map((service, i): [PathSegment[], boolean | undefined] => [['services', i, 'serviceAccount'], service.serviceAccount]),
  ];
  for (const [path, value] of serviceAccountLevels) {
    if (value === true && workloadObjectsOf(chain.props) === WorkloadObjects.NONE) {
      out.problems.add(path, 'is true but `workloads` is `none`: the chain writes no workload objects; write the ServiceAccount '
        + 'beside the Deployments, or set `workloads: services`');
    }
  }
  checkProbePorts(chain, out);
  if (deployments) checkAutoscaledCpu(chain, out);
}

/** An autoscaler scales on CPU use in percent of the CPU request, so each autoscaled version needs one. */
function checkAutoscaledCpu(chain: ChainContext, out: RuleOutput): void {
  chain.services.forEach((service, i) => {
    for (const version of Object.keys(service.versions)) {
      const levels = versionLevels(chain, i, version);
      const scaling = deciding(levels, 'autoscaling');
      const resources = deciding(levels, 'resources')?.settings.resources;
      if (!scaling || resources?.requests?.cpu !== undefined) continue;
      out.warnings.push(`${formatPath([...scaling.path, 'autoscaling'])}: "${service.name}-${version}" has no CPU request, `
        + 'and the autoscaler reads CPU use in percent of it, so it cannot scale; set `resources.requests.cpu`');
    }
  });
}

function actions(probe: ProbeSettings): string[] {
  return (['httpGet', 'tcpSocket', 'exec'] as const).filter(key => probe[key] !== undefined);
}

function checkCountOrPercentage(out: RuleOutput, path: PathSegment[], value: number | string): void {
  if (typeof value === 'number' ? Number.isInteger(value) && value >= 0 : PERCENTAGE.test(value)) return;
  out.problems.add(path, `${show(value)} is neither a count nor a percentage; write a whole number such as 1, or a percentage such as "50%"`);
}

/** Each version's probes reach the one port its container declares: the service's. */
function checkProbePorts(chain: ChainContext, out: RuleOutput): void {
  const reported = new Set<string>();
  chain.services.forEach((service, i) => {
    const port = service.port ?? chain.props.defaults?.port ?? 80;
    for (const version of Object.keys(service.versions)) {
      const levels = versionLevels(chain, i, version);
      for (const key of ['readinessProbe', 'livenessProbe'] as const) {
        const level = deciding(levels, key);
        const probe = level?.settings[key];
        const probed = probe?.httpGet?.port ?? probe?.tcpSocket?.port;
        if (!level || probed === undefined || probed === port) continue;
        const path = [...level.path, key, probe!.httpGet ? 'httpGet' : 'tcpSocket', 'port'];
        const text = JSON.stringify([path, service.name]);
        if (reported.has(text)) continue;
        reported.add(text);
        out.problems.add(path, `${show(probed)} is not a port of the container of ${show(`${service.name}-${version}`)}, which declares `
          + `${port} only; leave \`port\` out to probe ${port}, or set the service's \`port\``);
      }
    }
  });
}
