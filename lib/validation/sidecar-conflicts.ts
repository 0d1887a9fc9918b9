import { ChainContext, RuleOutput, settingsLevels } from './rule-context';
import { show } from '../diagnostics/problems';

/** The name of the container the sidecar injector adds; a container of that name is merged into it. */
export const SIDECAR_CONTAINER = 'istio-proxy';

/**
 * Ports the sidecar (and the gateway's proxy) listen on: Istio reserves 15000 to 15090 (15000
 * admin, 15001 and 15006 traffic capture, 15004 debug, 15008 HBONE, 15009 HBONE for gateways,
 * 15020 merged metrics, 15021 health, 15053 DNS, 15090 Envoy metrics).
 * @see https://istio.io/latest/docs/ops/deployment/application-requirements/#ports-used-by-istio
 */
export const RESERVED_PORTS = { first: 15000, last: 15090 };

/** Whether a port is in the range the sidecar reserves. */
export function isReservedPort(port: number): boolean {
  return port >= RESERVED_PORTS.first && port <= RESERVED_PORTS.last;
}

/**
 * What the sidecar injector and the proxy need left to them:
 * - no application container named `istio-proxy` (the container name, or the service name it
 *   defaults to): the injector would merge it into the sidecar;
 * - no port of a Service, a container or a created Gateway from 15000 to 15090, where the proxy
 *   listens: the application could not bind it, or the proxy would take its traffic.
 */
export function checkSidecarConflicts(chain: ChainContext, out: RuleOutput): void {
  const reservedFix = `the sidecar's proxy listens on ports ${RESERVED_PORTS.first} to ${RESERVED_PORTS.last}; use a port outside that range, such as 8080`;
  for (const { path, settings } of settingsLevels(chain)) {
    if (settings.containerName === SIDECAR_CONTAINER) {
      out.problems.add([...path, 'containerName'], `${show(SIDECAR_CONTAINER)} is the name of the container the Istio sidecar injector adds, `
        + 'which would merge the application into the sidecar; use another name, such as "app"');
    }
  }
  chain.services.forEach((service, i) => {
    const defaultsName = chain.props.defaults?.containerName;
    const named = service.containerName ?? defaultsName;
    const unnamedVersions = Object.values(service.versions).some(version => version.containerName === undefined);
    if (service.name === SIDECAR_CONTAINER && named === undefined && unnamedVersions) {
      out.problems.add(['services', i, 'name'], `${show(SIDECAR_CONTAINER)} also names the application container, by default, and it is the name `
        + 'of the container the Istio sidecar injector adds; set `containerName` to another name, such as "app", or rename the service');
    }
    // Stryker disable next-line ConditionalExpression: isReservedPort(undefined) is false (undefined compares false); the check for undefined satisfies the types
    if (service.port !== undefined && isReservedPort(service.port)) out.problems.add(['services', i, 'port'], `is ${service.port}: ${reservedFix}`);
  });
  const defaultPort = chain.props.defaults?.port;
  // Stryker disable next-line ConditionalExpression: as above
  if (defaultPort !== undefined && isReservedPort(defaultPort)) out.problems.add(['defaults', 'port'], `is ${defaultPort}: ${reservedFix}`);
  // Stryker disable next-line ArrayDeclaration: an entry that creates no gateways has no port to check, and a gateway that is not an object has no port
  (chain.entry.createGateways ?? []).forEach((gateway, i) => {
    // Stryker disable next-line ConditionalExpression: as above
    if (gateway.port !== undefined && isReservedPort(gateway.port)) {
      out.problems.add(['entry', 'createGateways', i, 'port'], `is ${gateway.port}: the gateway's proxy listens on ports `
        + `${RESERVED_PORTS.first} to ${RESERVED_PORTS.last}; use a port outside that range, such as 8443`);
    }
  });
}
