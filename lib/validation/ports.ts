import { ChainContext, RuleOutput } from './rule-context';
import { formatPath, show } from '../diagnostics/problems';

/**
 * The protocols Istio reads from the prefix of a Service port name (`http`, `grpc-web`...).
 * @see https://istio.io/latest/docs/ops/configuration/traffic-management/protocol-selection/
 */
export const ISTIO_PORT_PROTOCOLS = ['http', 'http2', 'https', 'grpc', 'grpc-web', 'tcp', 'tls', 'mongo', 'mysql', 'redis', 'udp'];

/** The protocols on which Istio applies the `http` routes the chain is made of. */
const HTTP_ROUTED = ['http', 'http2', 'grpc', 'grpc-web'];

/** `<protocol>` or `<protocol>-<suffix>`, the whole name a DNS-1123 label (Kubernetes requires it of port names). */
const PORT_NAME = new RegExp(`^(${ISTIO_PORT_PROTOCOLS.join('|')})(-[a-z0-9]([-a-z0-9]*[a-z0-9])?)?$`);

/** The longest port name Kubernetes accepts. */
const MAX_PORT_NAME = 63;

/**
 * Port names (`portName` of the defaults and of each service) tell Istio the protocol: they
 * are `<protocol>` or `<protocol>-<suffix>`. A protocol on which Istio does not apply HTTP
 * routes (`tcp`, `https`...) is allowed but warned about: lanes, weights and header routes
 * would not apply to that service. Port numbers (1..65535) are checked with the shape of the
 * props, by the `@minimum`/`@maximum` tags of `port` in the schema.
 */
export function checkPorts(chain: ChainContext, out: RuleOutput): void {
  const levels = [
    { path: ['defaults', 'portName'], name: chain.props.defaults?.portName },
    ...chain.services.map((service, i) => ({ path: ['services', i, 'portName'], name: service.portName })),
  ];
  for (const { path, name } of levels) {
    if (name === undefined) continue;
    if (name.length > MAX_PORT_NAME || !PORT_NAME.test(name)) {
      out.problems.add(path, `${show(name)} is not a valid port name: Istio reads the protocol from it, so it must be `
        + `\`<protocol>\` or \`<protocol>-<suffix>\` (at most ${MAX_PORT_NAME} lowercase letters, digits and '-'), `
        + `with a protocol among ${ISTIO_PORT_PROTOCOLS.join(', ')}; for example "http" or "http-web"`);
      continue;
    }
    const protocol = protocolOf(name);
    if (!HTTP_ROUTED.includes(protocol)) {
      out.warnings.push(`${formatPath(path)}: ${show(name)} makes Istio treat the port as ${protocol.toUpperCase()}, `
        + `where the chain's HTTP routes (lanes, weights, header routes) do not apply; use one of ${HTTP_ROUTED.join(', ')} to route by version`);
    }
  }
}

/** The protocol a valid port name declares: its longest matching prefix (`grpc-web-x` is `grpc-web`). */
function protocolOf(name: string): string {
  const matching = ISTIO_PORT_PROTOCOLS.filter(p => name === p || name.startsWith(`${p}-`));
  // Stryker disable next-line MethodExpression,ArithmeticOperator,ArrowFunction: the only names two protocols start are grpc-web ones, and grpc and grpc-web are both HTTP-routed, so which wins changes nothing
  return matching.sort((a, b) => b.length - a.length)[0];
}
