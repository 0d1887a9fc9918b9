import { ApiObject } from 'cdk8s';
import { ServiceChain, serviceObjects } from '../constructs/service-chain';
import { ServiceWorkloads } from '../constructs/service-workloads';
import { LAYOUT_FILE_NAMES } from '../model/layout-files';
import { compareNatural } from '../model/natural-order';

export { LAYOUT_FILE_NAMES, RESERVED_VERSION_NAMES } from '../model/layout-files';

/** How the objects of a chain are spread over files. */
export enum OutputLayout {
  /**
   * A file per version with every Service (and ServiceAccount) beside that version's Deployments
   * (and their PodDisruptionBudgets and HorizontalPodAutoscalers), so that each
   * file applies alone (`kubectl apply -f v2.yaml`), and `routing.yaml`. Services repeat
   * across files, which kustomize and Flux refuse. When the Deployments are defined elsewhere
   * (`workloads: services`), the Services go to `services.yaml`. The Service of a version
   * (`routingApi: gateway-api`) goes with that version's Deployment, else to `services.yaml`.
   */
  PER_VERSION = 'per-version',
  /**
   * Every object exactly once: `services.yaml` (when the chain writes Services, with their
   * ServiceAccounts, and the Services of each version), a file per version with its Deployments
   * (each followed by its PodDisruptionBudget and HorizontalPodAutoscaler), `routing.yaml`, and a
   * `kustomization.yaml` listing them.
   */
  GITOPS = 'gitops',
}

/** A file of the output, before rendering: its path under the output folder and its objects. */
export interface ManifestFile {
  /** Path relative to the output folder, with `/` separators. */
  readonly path: string;
  /** The documents, in order. */
  readonly documents: unknown[];
}

/** Options of {@link chainFiles}. */
export interface ChainFilesOptions {
  /** @default OutputLayout.PER_VERSION */
  readonly layout?: OutputLayout;
  /**
   * Sub-folder of the output folder for this chain's files. The writer refuses names that
   * are empty, hidden (`.name`) or `..`.
   * @default - the output folder itself
   */
  readonly dir?: string;
}

/** The files of a chain in the layout asked for. */
export function chainFiles(chain: ServiceChain, options: ChainFilesOptions = {}): ManifestFile[] {
  const files = (options.layout ?? OutputLayout.PER_VERSION) === OutputLayout.GITOPS ? gitopsFiles(chain) : perVersionFiles(chain);
  const prefix = options.dir ? `${options.dir.replace(/\/+$/, '')}/` : '';
  return files.map(file => ({ path: prefix + file.path, documents: file.documents }));
}

function versionNames(chain: ServiceChain): string[] {
  const names = new Set(chain.workloads.flatMap(w => [...w.deployments.keys()]));
  return [...names].sort(compareNatural);
}

/** A version's Deployment, then its PodDisruptionBudget and HorizontalPodAutoscaler when it has them. */
function versionObjects(workloads: ServiceWorkloads, version: string): ApiObject[] {
  return [workloads.deployments.get(version)!, ...workloads.versionObjects.get(version)!];
}

function json(objects: ApiObject[]): unknown[] {
  return objects.map(object => object.toJson());
}

/** The Service of a version of the i-th service (`routingApi: gateway-api`), if the chain writes one. */
function versionService(chain: ServiceChain, i: number, version: string): ApiObject[] {
  const service = chain.versionServices[i]?.services.get(version);
  return service ? [service] : [];
}

function perVersionFiles(chain: ServiceChain): ManifestFile[] {
  const files: ManifestFile[] = [];
  if (chain.namespaceObject) files.push({ path: `${LAYOUT_FILE_NAMES.namespace}.yaml`, documents: json([chain.namespaceObject]) });
  const placed = new Set<ApiObject>();
  for (const version of versionNames(chain)) {
    const objects = chain.workloads.flatMap((w, i) => {
      if (!w.deployments.has(version)) return [];
      const own = versionService(chain, i, version);
      own.forEach(service => placed.add(service));
      return [...serviceObjects(w), ...own, ...versionObjects(w, version)];
    });
    files.push({ path: `${version}.yaml`, documents: json(objects) });
  }
  // Workloads defined elsewhere (`workloads: services`): the Services have no version file to go with.
  const unversioned = [
    ...chain.workloads.filter(w => w.deployments.size === 0).flatMap(serviceObjects),
    ...chain.versionServices.flatMap(v => [...v.services.values()]).filter(service => !placed.has(service)),
  ];
  if (unversioned.length > 0) files.push({ path: `${LAYOUT_FILE_NAMES.services}.yaml`, documents: json(unversioned) });
  files.push({ path: `${LAYOUT_FILE_NAMES.routing}.yaml`, documents: json(chain.routingObjects) });
  return files;
}

function gitopsFiles(chain: ServiceChain): ManifestFile[] {
  const services = [
    ...(chain.namespaceObject ? [chain.namespaceObject] : []),
    ...chain.model.services.flatMap((_, i) => [
      ...(chain.workloads[i] ? serviceObjects(chain.workloads[i]) : []),
      ...(chain.versionServices[i]?.services.values() ?? []),
    ]),
  ];
  const files: ManifestFile[] = services.length > 0 ? [{ path: `${LAYOUT_FILE_NAMES.services}.yaml`, documents: json(services) }] : [];
  for (const version of versionNames(chain)) {
    const deployments = chain.workloads.flatMap(w => (w.deployments.has(version) ? versionObjects(w, version) : []));
    files.push({ path: `${version}.yaml`, documents: json(deployments) });
  }
  files.push({ path: `${LAYOUT_FILE_NAMES.routing}.yaml`, documents: json(chain.routingObjects) });
  files.push({ path: `${LAYOUT_FILE_NAMES.kustomization}.yaml`, documents: [kustomization(chain, files.map(f => f.path))] });
  return files;
}

/**
 * The kustomization listing the files. Its `namespace` would move every object, so it is
 * written only when all objects already live in the chain's namespace.
 */
function kustomization(chain: ServiceChain, resources: string[]): unknown {
  const { namespace, entry } = chain.model;
  const allInNamespace = namespace !== undefined
    && entry.rootNamespace === namespace
    && entry.createGateways.every(g => g.ref.split('/')[0] === namespace)
    && !chain.namespaceObject;
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    ...(allInNamespace ? { namespace } : {}),
    resources,
  };
}
