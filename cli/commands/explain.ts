import { Command } from 'commander';
import { ExplainEntry, explainChain, TracedPath } from '../../lib/explain';
import { ServiceChain } from '../../lib/constructs/service-chain';
import { chainFromSpec } from '../chain-from-spec';
import { CliError, ExitCode } from '../cli-error';

interface ExplainOptions {
  readonly gateway?: string;
  readonly host?: string;
  readonly from?: string;
  readonly header: string[];
  readonly uri: string;
  readonly json: boolean;
}

/** `service-chain explain <spec>`: where requests go, hop by hop, with their probabilities. */
export function explainCommand(): Command {
  return new Command('explain')
    .description('Trace a request through the synthesised manifests and print the distribution of its paths')
    .argument('<spec>', 'the chain spec, YAML or JSON')
    .option('--gateway <ns/name>', 'the request comes through this gateway (default: the entry\'s first gateway)')
    .option('--host <host>', 'host the request is addressed to (default: the entry\'s first host, or the entry service)')
    .option('--from <app[:version]>', 'the request comes from a pod in the mesh with these app and version labels')
    .option('--header <name=value>', 'a request header; repeat for more', collect, [])
    .option('--uri <path>', 'request path', '/')
    .option('--json', 'print JSON: [{"probability":0.9,"path":["web-v2","cart-v2"]}, ...]', false)
    .action((spec: string, options: ExplainOptions) => {
      const chain = chainFromSpec(spec);
      const paths = explainChain(chain, entryOf(chain, options));
      process.stdout.write(options.json
        ? `${JSON.stringify(paths.map(p => ({ probability: p.probability, path: p.path, ...(p.error ? { error: p.error } : {}) })))}\n`
        : paths.map(describe).join(''));
    });
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
  const serviceHost = `${entry.service}.${effectiveNamespace}.svc.cluster.local`;
  if (options.from !== undefined) {
    const [app, version] = options.from.split(':');
    if (!app) throw new CliError(`--from ${JSON.stringify(options.from)} must be app or app:version`, ExitCode.USAGE);
    return {
      host: options.host ?? serviceHost,
      sourceLabels: version ? { app, version } : { app },
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

function describe(path: TracedPath): string {
  const percent = `${(path.probability * 100).toFixed(1)}%`.padStart(7);
  const lines = [`${percent}  ${path.path.join(' > ')}${path.error ? `  !! ${path.error}` : ''}`];
  for (const hop of path.hops) lines.push(`           ${hop.deployment}  via ${hop.via}`);
  return `${lines.join('\n')}\n`;
}
