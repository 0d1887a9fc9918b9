import { PathSegment, Problems } from '../diagnostics/problems';
import { gatewayRefsOf, meshBoundOf, serviceNamespaceOf } from '../model/defaults';
import { ServiceChainProps } from '../props/chain-props';
import { EntryProps } from '../props/entry-props';
import { ServiceProps } from '../props/service-props';
import { ServiceTrafficSettings } from '../props/traffic-settings';
import { WorkloadSettings } from '../props/workload-settings';

/**
 * What the rules read: the props, already known to have the right shape (types, ranges,
 * no unknown fields), with the lookups most rules need computed once.
 */
export interface ChainContext {
  /** The props as given. */
  readonly props: ServiceChainProps;
  /** The services, in order. */
  readonly services: readonly ServiceProps[];
  /** The version names of each service, by service name; the first service wins a name listed twice. */
  readonly versionsOf: ReadonlyMap<string, readonly string[]>;
  /** The entry. */
  readonly entry: EntryProps;
  /** The versions of the entry service; `undefined` when the entry names no service of the chain. */
  readonly entryVersions: readonly string[] | undefined;
  /** Every gateway the entry is bound to: `entry.gateways` and the refs of `entry.createGateways`. */
  readonly gateways: readonly string[];
  /** Whether the entry also takes traffic from inside the mesh (`entry.mesh`, true by default). */
  readonly meshBound: boolean;
  /** The namespace the services live in: `namespace`, or Kubernetes' implicit one. */
  readonly namespace: string;
}

/** Where a rule reports: problems stop the synth, warnings are shown beside the output. */
export interface RuleOutput {
  /** Errors. */
  readonly problems: Problems;
  /** Findings that do not stop the synth. */
  readonly warnings: string[];
}

/** One concern of validation: reads the chain, reports what is wrong with it. */
export type ChainRule = (chain: ChainContext, out: RuleOutput) => void;

/** Computes the lookups of {@link ChainContext} from props that passed the shape check. */
export function chainContext(props: ServiceChainProps): ChainContext {
  const services = props.services;
  const versionsOf = new Map<string, string[]>();
  for (const service of services) {
    if (!versionsOf.has(service.name)) versionsOf.set(service.name, Object.keys(service.versions));
  }
  const entry = props.entry;
  return {
    props,
    services,
    versionsOf,
    entry,
    entryVersions: versionsOf.get(entry.service),
    gateways: gatewayRefsOf(entry),
    meshBound: meshBoundOf(entry),
    namespace: serviceNamespaceOf(props),
  };
}

/** One level of workload settings, with where it sits in the props. */
export interface SettingsLevel {
  /** Path of the level: `['defaults']`, `['services', 0]` or `['services', 0, 'versions', 'v1']`. */
  readonly path: PathSegment[];
  /** The settings at that level (a version's and a service's may also pick a load balancer). */
  readonly settings: WorkloadSettings & ServiceTrafficSettings;
}

/**
 * The levels that apply to one version, widest first: the chain defaults (when set), its
 * service, itself. The most specific that sets a field decides it.
 */
export function versionLevels(chain: ChainContext, serviceIndex: number, version: string): SettingsLevel[] {
  const service = chain.services[serviceIndex];
  return [
    ...(chain.props.defaults ? [{ path: ['defaults'], settings: chain.props.defaults }] : []),
    { path: ['services', serviceIndex], settings: service },
    { path: ['services', serviceIndex, 'versions', version], settings: service.versions[version] },
  ];
}

/** The most specific level of `levels` that sets `key`, if any. */
export function deciding<K extends keyof SettingsLevel['settings']>(levels: SettingsLevel[], key: K): SettingsLevel | undefined {
  return [...levels].reverse().find(level => level.settings[key] !== undefined);
}

/** Every level that holds workload settings: the chain defaults, each service, each version. */
export function settingsLevels(chain: ChainContext): SettingsLevel[] {
  const levels: SettingsLevel[] = [];
  if (chain.props.defaults) levels.push({ path: ['defaults'], settings: chain.props.defaults });
  chain.services.forEach((service, i) => {
    levels.push({ path: ['services', i], settings: service });
    for (const [version, settings] of Object.entries(service.versions)) {
      levels.push({ path: ['services', i, 'versions', version], settings });
    }
  });
  return levels;
}
