import { Command, InvalidArgumentError } from 'commander';
import { ServiceChain } from '../../lib/constructs/service-chain';
import {
  countPaths, ExplainBudgetError, ExplainEntry, renderPaths, renderTraceGraph, TooManyPathsError, traceChain,
  tracedPaths, TraceGraph, traceGraphJson,
} from '../../lib/explain';
import { showCount } from '../../lib/explain/render';
import { chainFromSpec } from '../chain-from-spec';
import { CliError, ExitCode } from '../cli-error';

interface ExplainOptions {
  readonly gateway?: string;
  readonly host?: string;
  readonly from?: string;
  readonly namespace?: string;
  readonly header: string[];
  readonly uri: string;
  readonly json: boolean;
  readonly tree: boolean;
  readonly budget?: number;
}

/** Most paths the text output lists; past this (or {@link LISTED_HOPS}) it shows the trace graph. */
export const LISTED_PATHS = 100;

/** Most hops, over all paths together, the text output lists. */
export const LISTED_HOPS = 2000;

/** `service-chain explain <spec>`: where requests go, hop by hop, with their probabilities. */
export function explainCommand(): Command {
  return new Command('explain')
    .description('Trace a request through the synthesised manifests and print the distribution of its paths')
    .argument('<spec>', 'the chain spec, YAML or JSON')
    .option('--gateway <ns/name>', 'the request comes through this gateway (default: the entry\'s first gateway)')
    .option('--host <host>', 'host the request is addressed to (default: the entry\'s first host, or the entry service)')
    .option('--from <app[:version]>', 'the request comes from a pod in the mesh with these app and version labels')
    .option('--namespace <ns>', 'with --from: the namespace of the calling pod (default: the chain\'s namespace)')
    .option('--header <name=value>', 'a request header; repeat for more', collect, [])
    .option('--uri <path>', 'request path', '/')
    .option('--json', 'print JSON: [{"probability":0.9,"path":["web-v2","cart-v2"]}, ...]', false)
    .option('--tree', 'print the trace graph: each Deployment visit once, with the calls it makes (as JSON with --json)', false)
    .option('--budget <steps>', 'most steps (calls routed plus Deployments visited) to spend before giving up (default: 200000)', positiveInteger)
    .action((spec: string, options: ExplainOptions) => {
      const chain = chainFromSpec(spec);
      const graph = traced(() => traceChain(chain, entryOf(chain, options), options.budget));
      process.stdout.write(output(graph, options));
    });
}

/**
 * What to print: the paths, unless `--tree` asks for the trace graph. In text, paths too many
 * or too long to read are shown as the trace graph too; JSON keeps its shape and fails instead.
 */
function output(graph: TraceGraph, options: ExplainOptions): string {
  if (options.tree) return options.json ? `${JSON.stringify(traceGraphJson(graph))}\n` : renderTraceGraph(graph);
  if (options.json) {
    const paths = traced(() => tracedPaths(graph));
    return `${JSON.stringify(paths.map(p => ({ probability: p.probability, path: p.path, ...(p.error ? { error: p.error } : {}) })))}\n`;
  }
  try {
    return renderPaths(tracedPaths(graph, { paths: LISTED_PATHS, hops: LISTED_HOPS }));
  } catch (error) {
    if (!(error instanceof TooManyPathsError)) throw error;
    const counts = countPaths(graph);
    return `The request has up to ${showCount(counts.paths)} paths, the longest of ${showCount(counts.longest)} hops: `
      + 'too many to list, so each Deployment visit is shown once, as #n, with the calls it makes.\n\n'
      + renderTraceGraph(graph);
  }
}

/** Runs a step of explain, turning its limits into messages that name the option to use. */
function traced<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof ExplainBudgetError) throw new CliError(`${error.message} (--budget <steps>)`);
    if (error instanceof TooManyPathsError) {
      throw new CliError(`${error.message.replace(/; narrow.*$/, '')}; pass --tree --json for the trace graph, which shows each shared sub-trace once`);
    }
    throw error;
  }
}

function positiveInteger(value: string): number {
  if (!/^[1-9][0-9]*$/.test(value)) throw new InvalidArgumentError('must be a whole number of steps, at least 1');
  return Number(value);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function entryOf(chain: ServiceChain, options: ExplainOptions): ExplainEntry {
  const { entry, effectiveNamespace } = chain.model;
  const headers = Object.fromEntries(options.header.map(header => {
    const at = header.indexOf('=');
    if (at <= 0) throw new CliError(`--header ${JSON.stringify(header)} must be name=value, for example --header version=v2`, ExitCode.USAGE);
    return [header.slice(0, at), header.slice(at + 1)];
  }));
  if (options.from !== undefined && options.gateway !== undefined) {
    throw new CliError('--from and --gateway exclude each other: a request comes through a gateway or from the mesh', ExitCode.USAGE);
  }
  if (options.namespace !== undefined && options.from === undefined) {
    throw new CliError('--namespace sets the namespace of a --from caller; a gateway request comes from the gateway\'s namespace', ExitCode.USAGE);
  }
  if (options.namespace !== undefined && !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(options.namespace)) {
    throw new CliError(`--namespace ${JSON.stringify(options.namespace)} is no namespace name (a DNS-1123 label, such as shop)`, ExitCode.USAGE);
  }
  const serviceHost = `${entry.service}.${effectiveNamespace}.svc.cluster.local`;
  if (options.from !== undefined) {
    const [app, version] = options.from.split(':');
    if (!app) throw new CliError(`--from ${JSON.stringify(options.from)} must be app or app:version`, ExitCode.USAGE);
    return {
      host: options.host ?? serviceHost,
      sourceLabels: version ? { app, version } : { app },
      sourceNamespace: options.namespace ?? effectiveNamespace,
      headers,
      uri: options.uri,
    };
  }
  const gateway = options.gateway ?? entry.gateways[0];
  if (gateway === undefined) {
    throw new CliError('the entry has no gateway; pass --from app[:version] to trace a request from the mesh', ExitCode.USAGE);
  }
  const host = options.host ?? entry.hosts[0];
  if (host === undefined) throw new CliError('the entry has no hosts; pass --host', ExitCode.USAGE);
  return { gateway, host, headers, uri: options.uri };
}
