import { LoadedManifest } from './load';
import { asList, asRecord, asString, specOf } from './loaded-objects';
import { PathSegment } from '../diagnostics/problems';

/** A destination a VirtualService sends (or mirrors) traffic to. */
export interface RouteDestination {
  /** Where it is in the VirtualService: `['spec', 'http', 0, 'route', 1, 'destination']`. */
  readonly path: PathSegment[];
  /**
   * The host as written: `web`.
   * @default undefined - the destination names no host
   */
  readonly host?: string;
  /**
   * The subset named.
   * @default undefined - no subset: every endpoint of the host
   */
  readonly subset?: string;
}

/**
 * Every destination of a VirtualService: `route[].destination` of its http, tcp and tls
 * routes, and the `mirror` and `mirrors[].destination` of its http routes.
 */
export function routeDestinations(manifest: LoadedManifest): RouteDestination[] {
  const spec = specOf(manifest);
  const found: RouteDestination[] = [];
  const add = (value: unknown, path: PathSegment[]): void => {
    const destination = asRecord(value);
    if (destination) found.push({ path, host: asString(destination.host), subset: asString(destination.subset) });
  };
  for (const protocol of ['http', 'tcp', 'tls']) {
    asList(spec[protocol]).forEach((routeValue, i) => {
      const route = asRecord(routeValue);
      if (!route) return;
      asList(route.route).forEach((weighted, j) => add(asRecord(weighted)?.destination, ['spec', protocol, i, 'route', j, 'destination']));
      if (protocol !== 'http') return;
      add(route.mirror, ['spec', protocol, i, 'mirror']);
      asList(route.mirrors).forEach((mirror, j) => add(asRecord(mirror)?.destination, ['spec', protocol, i, 'mirrors', j, 'destination']));
    });
  }
  return found;
}
