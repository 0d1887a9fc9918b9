import { VirtualServiceSpecHttpRoute } from '../../imports/networking.istio.io';
import { LaneMode } from '../lane-mode';
import { ChainModel, ServiceModel } from '../model/chain-model';

/**
 * The destination for one version of a service. In header mode it also stamps the
 * lane header with that version, so the next hops can follow it.
 */
export function versionDestination(
  chain: ChainModel, service: ServiceModel, version: string, weight?: number,
): VirtualServiceSpecHttpRoute {
  return {
    destination: { host: service.name, subset: version },
    weight,
    headers: chain.laneMode === LaneMode.HEADER
      ? { request: { set: { [chain.laneHeader]: version } } }
      : undefined,
  };
}

/** Weighted destinations, in the service's version order, for the versions the weights name. */
export function weightedDestinations(
  chain: ChainModel, service: ServiceModel, weights: Record<string, number>,
): VirtualServiceSpecHttpRoute[] {
  return service.versions
    .filter(version => version.name in weights)
    .map(version => versionDestination(chain, service, version.name, weights[version.name]));
}
