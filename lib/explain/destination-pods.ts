import { serviceFqdn } from './hosts';
import { DeploymentInfo, ServiceInfo } from './manifest-objects';
import { MeshIndex } from './mesh-index';

/** A Deployment and the share of a destination's requests it receives. */
export interface DeploymentShare {
  /** The Deployment. */
  readonly deployment: DeploymentInfo;
  /** Share of the destination's requests, 0..1. */
  readonly share: number;
}

/** The Deployments behind a destination, or why there are none. */
export type DestinationPods =
  | { readonly kind: 'pods'; readonly service: ServiceInfo; readonly deployments: DeploymentShare[] }
  | { readonly kind: 'failed'; readonly error: string };

/**
 * The Deployments a destination reaches: the Service `host` names (read in `namespace`), then the
 * Deployments in the Service's namespace whose pod labels include its selector and, with a subset,
 * the subset's labels from a DestinationRule. Requests split by replica count.
 */
export function destinationPods(index: MeshIndex, host: string, namespace: string, subset?: string): DestinationPods {
  const service = index.service(host, namespace);
  if (service === undefined) return { kind: 'failed', error: `unknown host '${host}': no Service of that name` };
  const serviceRef = `Service ${service.namespace}/${service.name}`;
  if (Object.keys(service.selector).length === 0) return { kind: 'failed', error: `${serviceRef} has no selector` };
  const labelSets = [service.selector];
  if (subset !== undefined) {
    const fqdn = serviceFqdn(service.name, service.namespace);
    const subsetLabels = index.subsetLabels(fqdn, subset);
    if (subsetLabels === undefined) {
      return { kind: 'failed', error: `subset '${subset}' of ${fqdn} is not defined in any DestinationRule` };
    }
    labelSets.push(subsetLabels);
  }
  const what = subset === undefined ? serviceRef : `subset '${subset}' of ${serviceRef}`;
  const split = splitByReplicas(index.deploymentsWithLabels(service.namespace, labelSets), what);
  return typeof split === 'string' ? { kind: 'failed', error: split } : { kind: 'pods', service, deployments: split };
}

/** Shares of the Deployments by replica count, or why no pod runs. */
function splitByReplicas(deployments: DeploymentInfo[], what: string): DeploymentShare[] | string {
  if (deployments.length === 0) return `${what} selects no Deployment`;
  const total = deployments.reduce((sum, d) => sum + Math.max(d.replicas, 0), 0);
  if (total === 0) return `${what} selects only Deployments with 0 replicas`;
  return deployments
    .filter(deployment => deployment.replicas > 0)
    .map(deployment => ({ deployment, share: deployment.replicas / total }));
}
