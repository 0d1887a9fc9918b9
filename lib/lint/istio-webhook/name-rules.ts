import { isIP } from 'net';

/*
 * The name syntaxes Istio's validating webhook checks in routing objects (pkg/config/validation
 * in istio/istio), written as our own predicates.
 */

/** A DNS-1123 label as Istio checks it: 1-63 letters, digits and `-`, starting and ending alphanumeric (Istio lets upper case pass). */
export function isDnsLabel(text: string): boolean {
  return text.length <= 63 && /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/.test(text);
}

/**
 * Why Istio refuses a host of a VirtualService, a destination or a DestinationRule, or
 * `undefined` when it accepts it: DNS-1123 labels, at most 255 characters, a wildcard `*` only
 * as the whole first label (`*.example.com`, `*`); an IP address is accepted.
 */
export function hostFault(host: string): string | undefined {
  if (isIP(host) !== 0) return undefined;
  if (host === '') return 'is empty';
  if (host.length > 255) return `is ${host.length} characters long, more than 255`;
  const [first, ...rest] = host.split('.');
  if (first !== '*' && !isDnsLabel(first.replace(/^\*-?/, ''))) {
    return `has an invalid first label ${JSON.stringify(first)}: each label holds 1-63 letters, digits and '-', and a wildcard '*' only leads the first label`;
  }
  const bad = rest.find(label => !isDnsLabel(label));
  if (bad !== undefined) return `has an invalid label ${JSON.stringify(bad)}: labels hold 1-63 letters, digits and '-', with no wildcard after the first`;
  return undefined;
}

/** The characters RFC 7230 allows in a header name (a token). */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~A-Za-z0-9]+$/;

/** HTTP/2 pseudo-headers that Istio accepts as header match names. */
const PSEUDO_HEADERS = new Set([':method', ':scheme', ':authority', ':path', ':status']);

/** Why Istio refuses a header name in a route match, or `undefined`: a token, a pseudo-header or a JWT claim (`@request.auth.claims...`). */
export function headerMatchNameFault(name: string): string | undefined {
  if (name === '') return 'is empty';
  if (name.startsWith('@request.auth.claims') || PSEUDO_HEADERS.has(name) || HEADER_NAME.test(name)) return undefined;
  return 'is not a valid header name: a header name holds letters, digits and !#$%&\'*+-.^_`|~ only (no spaces, no colons)';
}

/** Why Istio refuses a header name that a route adds or sets (`request` side): not a token, or a pseudo-header. */
export function headerSetNameFault(name: string): string | undefined {
  if (name === '') return 'is empty';
  if (name.startsWith(':')) return 'is a pseudo-header (starts with \':\'), which a route cannot set';
  return HEADER_NAME.test(name) ? undefined : 'is not a valid header name';
}

/** Why Istio refuses a header name a route removes, or sets on a response: not a token, `host`, or a pseudo-header. */
export function headerOperationNameFault(name: string): string | undefined {
  if (name.toLowerCase() === 'host') return 'is the Host header, which a route cannot set or remove';
  return headerSetNameFault(name);
}
