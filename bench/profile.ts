/** A V8 CPU profile as `node --cpu-prof` writes it. */
export interface CpuProfile {
  readonly nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  readonly samples: number[];
  readonly timeDeltas: number[];
}

/** Milliseconds per label, largest first. */
export type Breakdown = [label: string, ms: number][];

/** Where a profiled process spent its time. */
export interface ProfileSummary {
  /** Sampled time in total. */
  readonly totalMs: number;
  /** Self time per package (`node_modules/<name>`), Node internals, GC, or the bundle itself. */
  readonly selfByModule: Breakdown;
  /** Time under each function of the bundle (a sample counts once per function, whatever the recursion). */
  readonly inclusiveByBundleFunction: Breakdown;
  /**
   * Time per pair "deepest bundle function on the stack -> what it was running": for example
   * `(bundle top level) -> cdk8s-plus-27` is loading that package, `renderYaml -> yaml` is stringifying.
   */
  readonly bundleFunctionByCallee: Breakdown;
}

const TOP_LEVEL = '(bundle top level)';

function packageOf(url: string): string | undefined {
  const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  return match?.[1];
}

/** What kind of code a frame is: a package, Node's own JavaScript, V8 and native work, or a script. */
function moduleOf(frame: { functionName: string; url: string }, bundleUrl: string): string {
  if (frame.url === bundleUrl) return 'bundle';
  const pkg = packageOf(frame.url);
  if (pkg) return pkg;
  if (frame.url.startsWith('node:')) return 'node internals';
  if (frame.url === '') return frame.functionName.startsWith('(') ? frame.functionName : 'native';
  return frame.url.replace(/^file:\/\//, '');
}

function add(map: Map<string, number>, key: string, ms: number): void {
  map.set(key, (map.get(key) ?? 0) + ms);
}

function sorted(map: Map<string, number>, limit: number): Breakdown {
  return [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit);
}

/**
 * Sums a CPU profile of a bundled script (`bundleUrl` is its `file://` URL) into self time
 * per module, inclusive time per bundle function, and time per bundle function and callee.
 * With the bundle's source, anonymous functions are labelled with the start of their line.
 */
export function summarizeProfile(profile: CpuProfile, bundleUrl: string, bundleSource?: string, limit = 20): ProfileSummary {
  const lines = bundleSource?.split('\n') ?? [];
  const byId = new Map(profile.nodes.map(node => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const label = (id: number) => {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName) return frame.functionName;
    if (frame.lineNumber === 0) return TOP_LEVEL;
    const text = lines[frame.lineNumber]?.trim().slice(0, 60);
    return `(anonymous, line ${frame.lineNumber + 1}${text ? `: ${text}` : ''})`;
  };

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const pairs = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    add(self, moduleOf(byId.get(id)!.callFrame, bundleUrl), ms);
    const stack: number[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(at);
    const inBundle = stack.filter(frame => byId.get(frame)!.callFrame.url === bundleUrl);
    for (const name of new Set(inBundle.map(label))) add(inclusive, name, ms);
    if (inBundle.length === 0) return;
    const deepest = inBundle[0];
    const callee = stack.slice(0, stack.indexOf(deepest)).reverse()
      .map(frame => moduleOf(byId.get(frame)!.callFrame, bundleUrl))
      .find(module => module !== 'node internals' && module !== 'native') ?? moduleOf(byId.get(id)!.callFrame, bundleUrl);
    add(pairs, `${label(deepest)} -> ${callee}`, ms);
  });
  return {
    totalMs,
    selfByModule: sorted(self, limit),
    inclusiveByBundleFunction: sorted(inclusive, limit),
    bundleFunctionByCallee: sorted(pairs, limit),
  };
}

/** A summary as Markdown lists. */
export function formatProfileSummary(summary: ProfileSummary): string {
  const list = (title: string, rows: Breakdown) =>
    [`${title}:`, ...rows.map(([name, ms]) => `- ${name}: ${ms.toFixed(1)} ms`)].join('\n');
  return [
    `Sampled ${summary.totalMs.toFixed(1)} ms.`,
    list('Self time by module', summary.selfByModule),
    list('Time under each bundle function', summary.inclusiveByBundleFunction),
    list('Deepest bundle function -> the code it was running', summary.bundleFunctionByCallee),
    '',
  ].join('\n\n');
}
