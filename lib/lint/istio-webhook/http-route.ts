import { checkDestination, checkWeightedDestinations } from './destinations';
import { headerMatchNameFault, headerOperationNameFault, headerSetNameFault, isDnsLabel } from './name-rules';
import { Refusals } from './report';
import { stringMatchFault } from './string-match';
import { PathSegment } from '../../diagnostics/problems';
import { asList, asRecord } from '../loaded-objects';

/** Whether a field is set to something (not missing, not null). */
function isSet(route: Record<string, unknown>, field: string): boolean {
  return route[field] !== undefined && route[field] !== null;
}

/** The pairs of actions an http route may not hold together, in Istio's words of which to keep. */
const EXCLUSIVE: ReadonlyArray<readonly [string, string]> = [
  ['route', 'redirect'], ['fault', 'redirect'], ['rewrite', 'redirect'], ['directResponse', 'redirect'],
  ['route', 'directResponse'], ['fault', 'directResponse'], ['rewrite', 'directResponse'], ['mirror', 'mirrors'],
];

/**
 * Istio's rules for one http route of a VirtualService (`inDelegate`: the VirtualService has no
 * hosts, so it is a delegate): what a root, a delegate and an ordinary route may hold, its
 * matches (header names, empty prefixes and regexes, RE2 syntax, `sourceNamespace`,
 * `gateways`), its header operations, its destinations and mirrors, and `mirrorPercentage`.
 */
export function checkHttpRoute(route: Record<string, unknown>, path: PathSegment[], inDelegate: boolean, refusals: Refusals): void {
  if (isSet(route, 'delegate')) {
    if (inDelegate) refusals.at([...path, 'delegate'], 'is set in a delegate VirtualService; a delegate cannot delegate again: route to destinations here');
    for (const field of ['route', 'redirect']) {
      if (isSet(route, field)) refusals.at([...path, field], `is set beside delegate; a root route delegates, and the delegate routes: remove ${field} here`);
    }
  } else if (!isSet(route, 'route') && !isSet(route, 'redirect') && !isSet(route, 'directResponse')) {
    refusals.at(path, 'has no route, redirect, directResponse or delegate; add one');
  }
  for (const [a, b] of EXCLUSIVE) {
    if (isSet(route, a) && isSet(route, b)) refusals.at(path, `sets both ${a} and ${b}; keep one`);
  }
  asList(route.match).forEach((matchValue, i) => checkMatch(asRecord(matchValue), [...path, 'match', i], refusals));
  checkHeaderOperations(route.headers, [...path, 'headers'], refusals);
  checkWeightedDestinations(route.route, [...path, 'route'], refusals);
  asList(route.route).forEach((weighted, i) => checkHeaderOperations(asRecord(weighted)?.headers, [...path, 'route', i, 'headers'], refusals));
  checkDestination(route.mirror, [...path, 'mirror'], refusals);
  asList(route.mirrors).forEach((mirror, i) => checkDestination(asRecord(mirror)?.destination, [...path, 'mirrors', i, 'destination'], refusals));
  const mirrorPercentage = asRecord(route.mirrorPercentage)?.value;
  if (typeof mirrorPercentage === 'number' && (mirrorPercentage < 0 || mirrorPercentage > 100)) {
    refusals.at([...path, 'mirrorPercentage', 'value'], `${mirrorPercentage} is outside 0-100`);
  }
}

function checkMatch(match: Record<string, unknown> | undefined, path: PathSegment[], refusals: Refusals): void {
  if (!match) return;
  for (const field of ['headers', 'withoutHeaders'] as const) {
    for (const [name, value] of Object.entries(asRecord(match[field]) ?? {})) {
      const nameFault = headerMatchNameFault(name);
      if (nameFault) refusals.at([...path, field, name], `header name ${JSON.stringify(name)} ${nameFault}`);
      const fault = stringMatchFault(value, field === 'withoutHeaders' ? 'withoutHeaders' : 'other');
      if (fault) refusals.at([...path, field, name], fault);
    }
  }
  const uriFault = stringMatchFault(match.uri, 'uri');
  if (uriFault) refusals.at([...path, 'uri'], uriFault);
  for (const field of ['scheme', 'method', 'authority']) {
    const fault = stringMatchFault(match[field], 'other');
    if (fault) refusals.at([...path, field], fault);
  }
  for (const [name, value] of Object.entries(asRecord(match.queryParams) ?? {})) {
    const fault = stringMatchFault(value, 'other');
    if (fault) refusals.at([...path, 'queryParams', name], fault);
  }
  if (typeof match.sourceNamespace === 'string' && match.sourceNamespace !== '' && !isDnsLabel(match.sourceNamespace)) {
    refusals.at([...path, 'sourceNamespace'], `${JSON.stringify(match.sourceNamespace)} is no namespace name`);
  }
  checkGatewayNames(match.gateways, [...path, 'gateways'], refusals);
}

/** Istio's rules for gateway names: `mesh`, `<name>` or `<namespace>/<name>`, each part a DNS label. */
export function checkGatewayNames(value: unknown, path: PathSegment[], refusals: Refusals): void {
  asList(value).forEach((nameValue, i) => {
    const name = String(nameValue);
    const parts = name.split('/');
    if (parts.length === 1) {
      if (!name.split('.').every(isDnsLabel)) refusals.at([...path, i], `${JSON.stringify(name)} is no gateway name; write <namespace>/<name>, or mesh`);
      return;
    }
    const [namespace, gateway] = [parts[0], parts.slice(1).join('/')];
    if (!isDnsLabel(namespace)) refusals.at([...path, i], `${JSON.stringify(name)}: namespace ${JSON.stringify(namespace)} is no DNS label`);
    if (!isDnsLabel(gateway)) refusals.at([...path, i], `${JSON.stringify(name)}: gateway name ${JSON.stringify(gateway)} is no DNS label`);
  });
}

/** Istio's rules for `headers.request` and `headers.response` operations: valid names, no pseudo-headers, no Host but through `set`/`add` of a request. */
function checkHeaderOperations(value: unknown, path: PathSegment[], refusals: Refusals): void {
  const headers = asRecord(value);
  if (!headers) return;
  for (const side of ['request', 'response'] as const) {
    const operations = asRecord(headers[side]);
    if (!operations) continue;
    for (const operation of ['set', 'add'] as const) {
      for (const name of Object.keys(asRecord(operations[operation]) ?? {})) {
        const fault = side === 'request' ? headerSetNameFault(name) : headerOperationNameFault(name);
        if (fault) refusals.at([...path, side, operation, name], `header name ${JSON.stringify(name)} ${fault}`);
      }
    }
    asList(operations.remove).forEach((name, i) => {
      const fault = headerOperationNameFault(String(name));
      if (fault) refusals.at([...path, side, 'remove', i], `header name ${JSON.stringify(String(name))} ${fault}`);
    });
  }
}
