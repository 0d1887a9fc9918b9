import { hostFault, isDnsLabel } from './name-rules';
import { Refusals } from './report';
import { PathSegment } from '../../diagnostics/problems';
import { asList, asRecord } from '../loaded-objects';

/** Istio's rules for one destination (`host`, `subset`, `port`): a valid host that is not `*`, a subset that is a DNS label, a port in 1-65535. */
export function checkDestination(value: unknown, path: PathSegment[], refusals: Refusals): void {
  const destination = asRecord(value);
  if (!destination) return;
  const host = typeof destination.host === 'string' ? destination.host : undefined;
  if (host === '*') {refusals.at([...path, 'host'], "is '*', which names no service; write the service's host");} else if (host !== undefined) {
    const fault = hostFault(host);
    if (fault) refusals.at([...path, 'host'], `${JSON.stringify(host)} ${fault}`);
  }
  if (typeof destination.subset === 'string') {
    const subset = destination.subset;
    if (subset === '') refusals.at([...path, 'subset'], 'is empty; name a subset of the DestinationRule, or leave subset out');
    else if (!isDnsLabel(subset)) refusals.at([...path, 'subset'], `${JSON.stringify(subset)} is no DNS label (letters, digits and '-', no dots); rename the subset here and in its DestinationRule`);
  }
  const port = asRecord(destination.port)?.number;
  if (typeof port === 'number' && (port < 1 || port > 65535)) refusals.at([...path, 'port', 'number'], `${port} is no port; use 1-65535`);
}

/**
 * Istio's rules for the weighted destinations of a route (`route` of http, tcp and tls): each
 * destination valid, no negative weight, and, with more than one destination, weights that do
 * not add up to 0.
 */
export function checkWeightedDestinations(value: unknown, path: PathSegment[], refusals: Refusals): void {
  const routes = asList(value);
  let total = 0;
  routes.forEach((weightedValue, i) => {
    const weighted = asRecord(weightedValue);
    if (!weighted) return;
    if (weighted.destination === undefined) refusals.at([...path, i], 'has no destination; add destination.host');
    checkDestination(weighted.destination, [...path, i, 'destination'], refusals);
    const weight = typeof weighted.weight === 'number' ? weighted.weight : 0;
    if (weight < 0) refusals.at([...path, i, 'weight'], `${weight} is negative; weights are 0 or more`);
    total += weight;
  });
  if (routes.length > 1 && total === 0) refusals.at(path, 'has weights that add up to 0, so no destination gets traffic; give the destinations weights that add up to 100');
}
