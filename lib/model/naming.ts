/*
 * The names of the objects the chain writes, built from service and version names in one
 * place, so that the constructs, the validation of collisions and the layouts agree.
 */

/** The Deployment of one version, and the `<service>-<version>` name a version is known by. */
export function deploymentName(service: string, version: string): string {
  return `${service}-${version}`;
}

/** A service's VirtualService: the entry's delegate, or the lane routing of a later service. */
export function virtualServiceName(service: string): string {
  return `vs-${service}`;
}

/** A service's DestinationRule, with a subset per version. */
export function destinationRuleName(service: string): string {
  return `dr-${service}`;
}

/** The root VirtualService bound to the gateways and the mesh, when `rootName` is not set. */
export function defaultRootName(entryService: string): string {
  return `vs-gateway-${entryService}`;
}

/** The Service of one version (Gateway API backends): named as its Deployment, `<service>-<version>`. */
export function versionServiceName(service: string, version: string): string {
  return deploymentName(service, version);
}

/** A service's HTTPRoute, attached to its Service (mesh traffic). */
export function httpRouteName(service: string): string {
  return `route-${service}`;
}

/** The entry's HTTPRoute attached to its Gateways. */
export function ingressRouteName(entryService: string): string {
  return `route-gateway-${entryService}`;
}

/** The waypoint of an ambient chain's namespace. */
export const WAYPOINT_NAME = 'waypoint';
