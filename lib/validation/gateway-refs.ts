import { DNS_1123_LABEL } from './name-syntax';
import { ChainContext, RuleOutput } from './rule-context';
import { PathSegment, Problems, show } from '../diagnostics/problems';

/** The gateway name Istio reserves for sidecar traffic. */
const MESH_KEYWORD = 'mesh';

/** What is wrong with a gateway reference, or `undefined` when it is `<namespace>/<name>` with both DNS-1123 labels. */
function refFault(ref: string): string | undefined {
  const parts = ref.split('/');
  if (parts.length !== 2) {
    return parts.length === 1 ? 'has no namespace' : "has more than one '/'";
  }
  const [namespace, name] = parts;
  const namespaceFault = DNS_1123_LABEL.fault(namespace);
  if (namespaceFault) return `has a namespace ${show(namespace)} that ${namespaceFault}`;
  const nameFault = DNS_1123_LABEL.fault(name);
  if (nameFault) return `has a name ${show(name)} that ${nameFault}`;
  return undefined;
}

function checkRef(problems: Problems, path: PathSegment[], ref: string): void {
  if (ref === MESH_KEYWORD) {
    problems.add(path, '"mesh" is Istio\'s keyword for sidecar (in-mesh) traffic, not a Gateway; the entry takes mesh traffic unless `entry.mesh` '
      + 'is false, so remove "mesh" here and list only real Gateways as `<namespace>/<name>`');
    return;
  }
  const fault = refFault(ref);
  if (fault === undefined) return;
  problems.add(path, `${show(ref)} is not a valid gateway reference: it ${fault}. Write \`<namespace>/<name>\`, `
    + 'both DNS-1123 labels (lowercase letters, digits and \'-\'), such as "istio-system/public-gateway"');
}

/**
 * Gateway references (`entry.gateways[i]`, `entry.createGateways[i].ref`) are `<namespace>/<name>`,
 * both DNS-1123 labels: the library derives the root's namespace and the Gateway object from
 * them. Two created gateways with the same reference would write one object twice.
 */
export function checkGatewayRefs(chain: ChainContext, out: RuleOutput): void {
  (chain.entry.gateways ?? []).forEach((ref, i) => checkRef(out.problems, ['entry', 'gateways', i], ref));
  const created = new Map<string, number>();
  (chain.entry.createGateways ?? []).forEach((gateway, i) => {
    const path = ['entry', 'createGateways', i, 'ref'];
    checkRef(out.problems, path, gateway.ref);
    const first = created.get(gateway.ref);
    if (first !== undefined) {
      out.problems.add(path, `${show(gateway.ref)} is already written by entry.createGateways[${first}]; keep one of them`);
    } else {
      created.set(gateway.ref, i);
    }
  });
}
