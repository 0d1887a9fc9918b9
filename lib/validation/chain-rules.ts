import { ServiceChainProps } from '../chain-props';
import { TrafficSource, Weights } from '../entry-props';
import { LaneMode } from '../lane-mode';
import { PathSegment, Problems, show } from './problems';

/** What validation found: errors stop the synth, warnings are reported beside the output. */
export interface ChainFindings {
  readonly problems: Problems;
  readonly warnings: string[];
}

/**
 * Checks chain props before anything is built. Every rule runs, so that all problems
 * are reported at once; rules that need a sound structure skip what is already broken.
 */
export function validateChain(props: ServiceChainProps): ChainFindings {
  const problems = new Problems();
  const warnings: string[] = [];
  const services = Array.isArray(props.services) ? props.services : [];
  if (services.length === 0) {
    problems.add(['services'], 'is empty: a chain needs at least one service; add the entry service to `services`');
  }
  const versionsOf = new Map<string, string[]>();
  services.forEach((service, i) => {
    if (versionsOf.has(service.name)) {
      problems.add(['services', i, 'name'], `${show(service.name)} is listed twice; give each service one entry`);
      return;
    }
    versionsOf.set(service.name, Object.keys(service.versions ?? {}));
  });

  checkServices(props, problems);
  checkCallGraph(props, versionsOf, problems);
  checkEntry(props, versionsOf, problems);
  if (props.createNamespace && !props.namespace) {
    problems.add(['createNamespace'], 'is true but `namespace` is not set; set `namespace` or drop `createNamespace`');
  }
  if ((props.laneMode ?? LaneMode.SOURCE_LABELS) === LaneMode.SOURCE_LABELS) {
    for (const gap of laneGaps(props, versionsOf)) {
      if (props.strict) problems.add(['services', gap.calleeIndex, 'versions', gap.version], gap.message);
      else warnings.push(gap.message);
    }
  }
  return { problems, warnings };
}

function checkServices(props: ServiceChainProps, problems: Problems): void {
  const defaultImage = props.defaults?.image;
  (props.services ?? []).forEach((service, i) => {
    const versions = Object.keys(service.versions ?? {});
    if (versions.length === 0) {
      problems.add(['services', i, 'versions'], `of service ${show(service.name)} is empty; add at least one version, for example \`v1: {}\``);
    }
    if (service.baseline !== undefined && !versions.includes(service.baseline)) {
      problems.add(['services', i, 'baseline'], `${show(service.baseline)} is not a version of ${show(service.name)}; use one of ${show(versions)}`);
    }
    for (const version of versions) {
      if (!(service.versions[version]?.image ?? service.image ?? defaultImage)) {
        problems.add(['services', i, 'versions', version, 'image'],
          `is missing for ${show(`${service.name}-${version}`)}; set \`image\` on the version, the service or \`defaults\``);
      }
    }
  });
}

function checkCallGraph(props: ServiceChainProps, versionsOf: Map<string, string[]>, problems: Problems): void {
  const services = props.services ?? [];
  services.forEach((service, i) => {
    (service.calls ?? []).forEach((callee, j) => {
      const path: PathSegment[] = ['services', i, 'calls', j];
      if (callee === service.name) problems.add(path, `${show(callee)}: a service cannot call itself; remove it from \`calls\``);
      else if (!versionsOf.has(callee)) problems.add(path, `${show(callee)} is not a service of the chain; add it to \`services\` or fix the name (known: ${show([...versionsOf.keys()])})`);
    });
  });
  const cycle = findCycle(services.map(s => [s.name, (s.calls ?? []).filter(c => c !== s.name && versionsOf.has(c))]));
  if (cycle) {
    const index = services.findIndex(s => s.name === cycle[0]);
    problems.add(['services', index, 'calls'], `form a cycle ${cycle.join(' -> ')}; the call graph must be acyclic, remove one of these calls`);
  }
}

/** Finds one cycle in a directed graph, as the list of its nodes with the first repeated at the end. */
function findCycle(edges: Array<[string, string[]]>): string[] | undefined {
  const next = new Map(edges);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const callee of next.get(node) ?? []) {
      const found = visit(callee);
      if (found) return found;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const [node] of edges) {
    const found = visit(node);
    if (found) return found;
  }
  return undefined;
}

function checkEntry(props: ServiceChainProps, versionsOf: Map<string, string[]>, problems: Problems): void {
  const entry = props.entry;
  if (!entry) {
    problems.add(['entry'], 'is missing; set `entry.service` to the service that takes outside traffic');
    return;
  }
  const versions = versionsOf.get(entry.service);
  if (!versions) {
    problems.add(['entry', 'service'], `${show(entry.service)} is not a service of the chain; use one of ${show([...versionsOf.keys()])}`);
    return;
  }
  const callers = (props.services ?? []).filter(s => (s.calls ?? []).includes(entry.service)).map(s => s.name);
  if (callers.length > 0) {
    problems.add(['entry', 'service'], `${show(entry.service)} is called by ${show(callers)}; the entry must be the root of the call graph, so remove it from their \`calls\``);
  }
  const checkVersion = (path: PathSegment[], version: string) => {
    if (!versions.includes(version)) {
      problems.add(path, `${show(version)} is not a version of the entry service ${show(entry.service)}; use one of ${show(versions)}`);
    }
  };
  (entry.headerRoutes ?? []).forEach((route, i) => {
    const path = ['entry', 'headerRoutes', i];
    checkVersion([...path, 'version'], route.version);
    const subjects = [route.header, route.cookie].filter(x => x !== undefined);
    if (subjects.length !== 1) problems.add(path, `sets ${subjects.length === 0 ? 'neither' : 'both'} \`header\` and \`cookie\`; set exactly one`);
    const conditions = [route.exact, route.prefix, route.regex].filter(x => x !== undefined);
    if (conditions.length !== 1) problems.add(path, `sets ${conditions.length} of \`exact\`, \`prefix\`, \`regex\`; set exactly one`);
    if ((route.from ?? [TrafficSource.GATEWAY]).includes(TrafficSource.GATEWAY) && gatewayCount(props) === 0) {
      problems.add([...path, 'from'], 'includes `gateway` but the entry has no gateways; add `entry.gateways` or set `from: [mesh]`');
    }
  });
  for (const key of ['gatewayWeights', 'meshWeights'] as const) {
    const weights = entry[key];
    if (weights !== undefined) checkWeights(['entry', key], weights, checkVersion, problems);
  }
  if (entry.defaultVersion !== undefined) checkVersion(['entry', 'defaultVersion'], entry.defaultVersion);
  if (entry.defaultVersion === undefined) {
    if (gatewayCount(props) > 0 && !entry.gatewayWeights) {
      problems.add(['entry', 'gatewayWeights'], 'is missing and there is no `defaultVersion`: gateway requests that no header route takes would get 404; set one of them');
    }
    if ((entry.mesh ?? true) && !entry.meshWeights) {
      problems.add(['entry', 'meshWeights'], 'is missing and there is no `defaultVersion`: mesh requests to the entry would get 404; set one of them, or `mesh: false`');
    }
  }
}

function gatewayCount(props: ServiceChainProps): number {
  return (props.entry.gateways ?? []).length + (props.entry.createGateways ?? []).length;
}

function checkWeights(
  path: PathSegment[], weights: Weights, checkVersion: (path: PathSegment[], version: string) => void, problems: Problems,
): void {
  const entries = Object.entries(weights);
  for (const [version, weight] of entries) {
    checkVersion([...path, version], version);
    if (!Number.isInteger(weight) || weight < 0 || weight > 100) {
      problems.add([...path, version], `is ${show(weight)}; a weight is an integer from 0 to 100`);
    }
  }
  const total = entries.reduce((sum, [, weight]) => sum + (typeof weight === 'number' ? weight : 0), 0);
  if (entries.length === 0 || entries.every(([, weight]) => weight === 0)) {
    problems.add(path, `${show(weights)} sends no traffic anywhere; give at least one version a weight above 0`);
  } else if (total !== 100) {
    problems.add(path, `add up to ${total}, not 100 (${show(weights)}); adjust them so they add up to 100`);
  }
}

interface LaneGap {
  readonly version: string;
  readonly calleeIndex: number;
  readonly message: string;
}

/**
 * In sourceLabels mode a lane survives a hop only if the caller runs the lane's version.
 * A gap is a service with version V whose caller lacks V while some service above that
 * caller has V: requests on lane V arrive from the caller's baseline and leave the lane.
 */
function laneGaps(props: ServiceChainProps, versionsOf: Map<string, string[]>): LaneGap[] {
  const services = props.services ?? [];
  const callersOf = new Map<string, string[]>();
  for (const service of services) {
    for (const callee of service.calls ?? []) callersOf.set(callee, [...(callersOf.get(callee) ?? []), service.name]);
  }
  const upstreamHas = (service: string, version: string, seen = new Set<string>()): boolean =>
    (callersOf.get(service) ?? []).some(caller => {
      if (seen.has(caller)) return false;
      seen.add(caller);
      return (versionsOf.get(caller) ?? []).includes(version) || upstreamHas(caller, version, seen);
    });
  const gaps: LaneGap[] = [];
  services.forEach((service, index) => {
    for (const version of Object.keys(service.versions ?? {})) {
      for (const caller of callersOf.get(service.name) ?? []) {
        const callerVersions = versionsOf.get(caller) ?? [];
        if (callerVersions.includes(version) || !upstreamHas(caller, version)) continue;
        gaps.push({
          version,
          calleeIndex: index,
          message: `lane ${show(version)} cannot pass ${show(caller)}, which has no ${show(version)}: `
            + `requests on that lane reach ${show(service.name)} from ${show(caller)}'s baseline and leave the lane. `
            + `Add ${show(version)} to ${show(caller)}, or use laneMode 'header' to carry the lane across it.`,
        });
      }
    }
  });
  return gaps;
}
