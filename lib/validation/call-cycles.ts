/**
 * The cycles of a directed graph, one per strongly connected component that has one,
 * each as its list of nodes with the first repeated at the end (`a -> b -> a`).
 * Iterative throughout, so that long chains cannot overflow the stack.
 */
export function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  return components(edges)
    .filter(component => component.length > 1)
    .map(component => cycleWithin(new Set(component), component[0], edges));
}

/** Strongly connected components (Kosaraju: finish order on the graph, then sweeps on its reverse). */
function components(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  // Stryker disable next-line ArrayDeclaration: a made-up node has no edges, so it makes a component of one, which holds no cycle
  const finished: string[] = [];
  const seen = new Set<string>();
  for (const start of edges.keys()) {
    if (seen.has(start)) continue;
    seen.add(start);
    const stack: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      // Stryker disable next-line ArrayDeclaration: every target is a node of the graph (the call graph holds every service), so `??` never applies
      const targets = edges.get(top.node) ?? [];
      // Stryker disable next-line EqualityOperator: one step more visits an undefined node once, which has no edges and makes a component of one
      if (top.next < targets.length) {
        const target = targets[top.next++];
        if (!seen.has(target)) {
          seen.add(target);
          stack.push({ node: target, next: 0 });
        }
      } else {
        finished.push(top.node);
        stack.pop();
      }
    }
  }
  const reverse = new Map<string, string[]>();
  for (const [from, targets] of edges) {
    for (const to of targets) {
      const sources = reverse.get(to);
      if (sources) sources.push(from);
      else reverse.set(to, [from]);
    }
  }
  const assigned = new Set<string>();
  const result: string[][] = [];
  for (const root of finished.reverse()) {
    // Stryker disable next-line ConditionalExpression: sweeping from an assigned root finds its sources assigned too, a component of one
    if (assigned.has(root)) continue;
    const component: string[] = [];
    const stack = [root];
    assigned.add(root);
    while (stack.length > 0) {
      const node = stack.pop()!;
      component.push(node);
      for (const source of reverse.get(node) ?? []) {
        if (!assigned.has(source)) {
          assigned.add(source);
          stack.push(source);
        }
      }
    }
    result.push(component);
  }
  return result;
}

/** A shortest cycle through `start` inside a component (breadth-first back to `start`). */
function cycleWithin(component: Set<string>, start: string, edges: ReadonlyMap<string, readonly string[]>): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  // Stryker disable next-line EqualityOperator: a cycle through `start` is found before the queue runs out (it lies in a cyclic component)
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    // Stryker disable next-line ArrayDeclaration: every target is a node of the graph, so `??` never applies
    for (const target of edges.get(node) ?? []) {
      // Stryker disable next-line ConditionalExpression: no node outside the component leads back to `start`, so the search finds the same cycle
      if (!component.has(target)) continue;
      if (target === start) {
        const backwards = [node];
        while (backwards[backwards.length - 1] !== start) backwards.push(parent.get(backwards[backwards.length - 1])!);
        return [...backwards.reverse(), start];
      }
      if (!parent.has(target)) {
        parent.set(target, node);
        queue.push(target);
      }
    }
  }
  // Stryker disable next-line ArrayDeclaration: not reached: every component of more than one node has a cycle through each of its nodes
  return [start, start];
}
