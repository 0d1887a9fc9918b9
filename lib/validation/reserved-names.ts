import { ChainContext, RuleOutput } from './rule-context';
import { show } from '../diagnostics/problems';
import { IMPLICIT_NAMESPACE } from '../model/defaults';

/**
 * Namespaces where the Istio sidecar injector never injects: the system namespaces of
 * Kubernetes (and `local-path-storage` of kind clusters). Pods there get no sidecar, so no lane
 * routing applies to their calls.
 */
export const INJECTOR_IGNORED_NAMESPACES: readonly string[] = ['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage'];

/** The namespace of Istio's control plane: usually not labelled for injection, and owned by the mesh's installation. */
export const CONTROL_PLANE_NAMESPACE = 'istio-system';

/**
 * Names Kubernetes and the mesh hold for themselves:
 * - the chain's `namespace` is not one the injector ignores (refused: the services would run
 *   without sidecars); `istio-system` is warned about, as it is rarely labelled for injection;
 *   `createNamespace` never writes either kind (that would replace a namespace we did not write);
 * - no service is named `kubernetes` in `default`, the API server's own Service.
 */
export function checkReservedNames(chain: ChainContext, out: RuleOutput): void {
  const namespace = chain.props.namespace;
  // Stryker disable next-line ConditionalExpression: the list holds no undefined; the check for undefined satisfies the types
  if (namespace !== undefined && INJECTOR_IGNORED_NAMESPACES.includes(namespace)) {
    out.problems.add(['namespace'], `${show(namespace)} is a namespace where the Istio sidecar injector never injects, so the services would run `
      + 'without sidecars and no routing of the chain would apply; use a namespace of your own, such as "shop"');
  } else if (namespace === CONTROL_PLANE_NAMESPACE) {
    if (chain.props.createNamespace) {
      out.problems.add(['createNamespace'], `would write the Namespace ${show(namespace)}, which the Istio installation owns; `
        + 'drop `createNamespace`, or use a namespace of your own');
    } else {
      out.warnings.push(`namespace: ${show(namespace)} is the Istio control plane's namespace, which is usually not labelled for sidecar injection; `
        + "the services' pods get a sidecar only if it is. Prefer a namespace of your own, such as \"shop\"");
    }
  }
  if (chain.namespace !== IMPLICIT_NAMESPACE) return;
  chain.services.forEach((service, i) => {
    if (service.name !== 'kubernetes') return;
    out.problems.add(['services', i, 'name'], '"kubernetes" is the Service of the Kubernetes API server in namespace "default"; '
      + 'writing it would break the cluster\'s access to its API. Rename the service, or set `namespace`');
  });
}
