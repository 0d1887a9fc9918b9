import { ChainContext, RuleOutput } from './rule-context';
import { show } from '../diagnostics/problems';

/**
 * Headers the proxy, the HTTP stack or the application own. The entry sets the lane header on
 * every request it routes, so a lane header among these would overwrite what they carry (the
 * host the request is for, the cookies, the trace), or be overwritten by them.
 */
export const OWNED_HEADERS: readonly string[] = [
  'host', 'cookie', 'set-cookie', 'authorization', 'proxy-authorization', 'content-length', 'content-type', 'transfer-encoding',
  'connection', 'keep-alive', 'upgrade', 'te', 'trailer', 'expect', 'forwarded', 'via', 'user-agent', 'referer',
  'x-request-id', 'traceparent', 'tracestate', 'b3', 'grpc-timeout', 'grpc-encoding', 'grpc-accept-encoding',
];

/** Prefixes of header names the proxy and the tracers own. */
export const OWNED_HEADER_PREFIXES: readonly string[] = [':', 'x-envoy-', 'x-forwarded-', 'x-b3-', 'x-ot-', 'uber-trace-id', 'x-istio-', 'x-datadog-'];

/** Why a header name may not carry the lane, or `undefined`. */
export function ownedHeaderFault(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (OWNED_HEADERS.includes(lower)) return `${show(name)} is a header the proxy, the HTTP stack or the application owns`;
  const prefix = OWNED_HEADER_PREFIXES.find(p => lower.startsWith(p));
  if (prefix === ':') return `${show(name)} is an HTTP/2 pseudo-header, which only the protocol sets`;
  if (prefix !== undefined) return `${show(name)} starts with ${show(prefix)}, a family of headers the proxy or the tracers own`;
  return undefined;
}

/**
 * `laneHeader` is a header of the chain's own: the entry sets it on every request, so it may
 * not be one the proxy, the HTTP stack or the application own (`host`, `:authority`, `cookie`,
 * `content-length`, `x-request-id`, the trace headers, `x-envoy-*`, `x-forwarded-*`...).
 */
export function checkLaneHeader(chain: ChainContext, out: RuleOutput): void {
  const header = chain.props.laneHeader;
  if (header === undefined) return;
  const fault = ownedHeaderFault(header);
  if (fault === undefined) return;
  out.problems.add(['laneHeader'], `${fault}: the entry sets the lane header on every request, so it would overwrite it, or be overwritten. `
    + `Use a header of your own, such as "x-lane". Refused: ${OWNED_HEADERS.join(', ')}, and headers starting with ${OWNED_HEADER_PREFIXES.join(', ')}`);
}
