import { hostFault, isDnsLabel } from './name-rules';
import { Refusals } from './report';
import { asList, asRecord } from '../loaded-objects';

/** The server protocols Istio knows (upper-cased). */
const PROTOCOLS = new Set(['HTTP', 'HTTPS', 'GRPC', 'GRPC-WEB', 'HTTP2', 'MONGO', 'REDIS', 'MYSQL', 'TCP', 'TLS', 'UDP']);
const TLS_PROTOCOLS = new Set(['HTTPS', 'TLS']);
const HTTP_PROTOCOLS = new Set(['HTTP', 'HTTP2', 'GRPC', 'GRPC-WEB']);

/**
 * Istio's webhook rules for a Gateway: a name that is a DNS label, at least one server; each
 * server with hosts (`[namespace/]host`, each valid), a known protocol, TLS settings on HTTPS
 * and TLS ports and none (but `httpsRedirect`) on others; unique port names.
 */
export function checkGateway(name: string, spec: Record<string, unknown>, refusals: Refusals): void {
  if (name !== '' && !isDnsLabel(name)) refusals.at(['metadata', 'name'], `${JSON.stringify(name)} is no DNS label (no dots); rename the Gateway`);
  const servers = asList(spec.servers);
  if (servers.length === 0) refusals.at(['spec', 'servers'], 'is empty; a Gateway has at least one server');
  const portNames = new Map<string, number>();
  servers.forEach((serverValue, i) => {
    const server = asRecord(serverValue);
    if (!server) return;
    const path = ['spec', 'servers', i];
    const hosts = asList(server.hosts).map(String);
    if (hosts.length === 0) refusals.at([...path, 'hosts'], 'is empty; a server serves at least one host (write "*" for any)');
    hosts.forEach((host, j) => {
      const fault = serverHostFault(host);
      if (fault) refusals.at([...path, 'hosts', j], `${JSON.stringify(host)} ${fault}`);
    });
    const port = asRecord(server.port);
    if (!port) return;
    const protocol = String(port.protocol ?? '').toUpperCase();
    if (!PROTOCOLS.has(protocol)) refusals.at([...path, 'port', 'protocol'], `${JSON.stringify(port.protocol)} is no protocol Istio knows; use one of ${[...PROTOCOLS].join(', ')}`);
    const tls = asRecord(server.tls);
    if (TLS_PROTOCOLS.has(protocol) && !tls) refusals.at([...path, 'tls'], `is missing on a ${protocol} server; add tls (mode and credentialName)`);
    if (!TLS_PROTOCOLS.has(protocol) && tls) {
      const redirectOnly = HTTP_PROTOCOLS.has(protocol) && Object.keys(tls).every(key => key === 'httpsRedirect');
      if (!redirectOnly) refusals.at([...path, 'tls'], `is set on a ${protocol || 'plain'} server; only HTTPS and TLS servers take TLS settings (an HTTP server only httpsRedirect)`);
    }
    if (typeof port.name === 'string') {
      const first = portNames.get(port.name);
      if (first !== undefined) refusals.at([...path, 'port', 'name'], `${port.name} is also the port name of spec.servers[${first}]; port names are unique`);
      else portNames.set(port.name, i);
    }
  });
}

/** Why Istio refuses a server host `[namespace/]host`: the namespace `*`, `.`, `~` or a DNS label; the host `*` or a valid host. */
function serverHostFault(entry: string): string | undefined {
  const parts = entry.split('/');
  if (parts.length > 2) return 'has more than one /; write namespace/host';
  const [namespace, host] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (namespace !== undefined && !['*', '.', '~'].includes(namespace) && !isDnsLabel(namespace)) return `has namespace ${JSON.stringify(namespace)}, which is no DNS label`;
  if (host === '*') return undefined;
  const fault = hostFault(host);
  return fault ? `has host ${fault}` : undefined;
}
