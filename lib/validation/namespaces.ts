import { checkName, DNS_1123_LABEL } from './name-syntax';
import { ChainContext, RuleOutput } from './rule-context';

/**
 * Namespaces are DNS-1123 labels: the chain's `namespace` and `entry.rootNamespace`
 * (the namespaces of gateway references are checked with the references).
 * `createNamespace` needs a namespace to create.
 */
export function checkNamespaces(chain: ChainContext, out: RuleOutput): void {
  const { props, entry } = chain;
  if (props.namespace !== undefined) checkName(out.problems, ['namespace'], props.namespace, DNS_1123_LABEL, 'namespace');
  if (entry.rootNamespace !== undefined) {
    checkName(out.problems, ['entry', 'rootNamespace'], entry.rootNamespace, DNS_1123_LABEL, 'namespace');
  }
  if (props.createNamespace && props.namespace === undefined) {
    out.problems.add(['createNamespace'], 'is true but `namespace` is not set; set `namespace` or drop `createNamespace`');
  }
}
