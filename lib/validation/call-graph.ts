import { findCycles } from './call-cycles';
import { ChainContext, RuleOutput } from './rule-context';
import { show } from '../diagnostics/problems';

/**
 * The shape of the chain as a graph: at least one service, each listed once; `calls` name
 * other services of the chain, each once; calls never loop back (a cycle is reported with
 * its path, `a -> b -> a`); the entry is a service of the chain and nobody calls it.
 * A service the entry never reaches is only warned about: it is deployed but gets no lane.
 */
export function checkChainGraph(chain: ChainContext, out: RuleOutput): void {
  const { problems } = out;
  const { services, versionsOf } = chain;
  if (services.length === 0) {
    problems.add(['services'], 'is empty: a chain needs at least one service; add the entry service to `services`');
  }
  const firstIndex = new Map<string, number>();
  services.forEach((service, i) => {
    const first = firstIndex.get(service.name);
    if (first !== undefined) {
      problems.add(['services', i, 'name'], `${show(service.name)} is listed twice (also services[${first}]); give each service one entry`);
    } else {
      firstIndex.set(service.name, i);
    }
  });

  const known = show([...versionsOf.keys()]);
  const edges = new Map<string, string[]>();
  services.forEach((service, i) => {
    const callees = new Set<string>();
    (service.calls ?? []).forEach((callee, j) => {
      const path = ['services', i, 'calls', j];
      if (callee === service.name) {
        problems.add(path, `${show(callee)}: a service cannot call itself; remove it from \`calls\``);
      } else if (!versionsOf.has(callee)) {
        problems.add(path, `${show(callee)} is not a service of the chain; add it to \`services\` or fix the name (known: ${known})`);
      } else if (callees.has(callee)) {
        problems.add(path, `${show(callee)} is listed twice in \`calls\`; list each callee once`);
      } else {
        callees.add(callee);
      }
    });
    if (firstIndex.get(service.name) === i) edges.set(service.name, [...callees]);
  });
  for (const cycle of findCycles(edges)) {
    problems.add(['services', firstIndex.get(cycle[0])!, 'calls'],
      `form a cycle ${cycle.join(' -> ')}; the call graph must be acyclic, remove one of these calls`);
  }

  const entry = chain.entry.service;
  if (!versionsOf.has(entry)) {
    problems.add(['entry', 'service'], `${show(entry)} is not a service of the chain; `
      + (versionsOf.size > 0 ? `use one of ${known}` : 'the chain has no services yet, so add it to `services`'));
    return;
  }
  services.forEach((service, i) => {
    service.calls?.forEach((callee, j) => {
      if (callee !== entry || callee === service.name) return;
      problems.add(['services', i, 'calls', j], `${show(callee)} is the entry service (\`entry.service\`), which must be the root of the call graph: `
        + 'nothing may call it. Remove it from these `calls`, or make another service the entry');
    });
  });
  const reached = reachableFrom(entry, edges);
  services.forEach((service, i) => {
    if (!reached.has(service.name) && firstIndex.get(service.name) === i) {
      out.warnings.push(`services[${i}] ${show(service.name)} is not reached from the entry ${show(entry)}: no service on the way calls it, `
        + 'so it is deployed but no lane leads to it; add it to the `calls` of its caller');
    }
  });
}

/** Every node reachable from `start`, itself included. */
function reachableFrom(start: string, edges: ReadonlyMap<string, readonly string[]>): Set<string> {
  const reached = new Set([start]);
  const stack = [start];
  while (stack.length > 0) {
    // Stryker disable next-line ArrayDeclaration: every node reached is a service of the chain, which has its edges
    for (const next of edges.get(stack.pop()!) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        stack.push(next);
      }
    }
  }
  return reached;
}
