import { ChainContext, RuleOutput } from './rule-context';
import { dataPlaneOf } from '../model/defaults';
import { DataPlane } from '../props/chain-props';

/**
 * On ambient, pods join the mesh through their namespace's `istio.io/dataplane-mode: ambient`
 * label. The chain writes it on the Namespace it creates (`createNamespace`); on a namespace it
 * does not write, a warning says to label it (its Services name the waypoint themselves).
 */
export function checkAmbientNamespace(chain: ChainContext, out: RuleOutput): void {
  const { props } = chain;
  if (dataPlaneOf(props) !== DataPlane.AMBIENT || (props.createNamespace && props.namespace)) return;
  out.warnings.push(`dataPlane ambient: the chain does not write its namespace, so label it yourself: \`kubectl label namespace ${chain.namespace} istio.io/dataplane-mode=ambient\`; `
    + 'its Services carry `istio.io/use-waypoint: waypoint`');
}
