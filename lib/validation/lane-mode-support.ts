import { ChainContext, RuleOutput } from './rule-context';
import { show } from '../diagnostics/problems';
import { dataPlaneOf, laneModeOf, routingApiOf } from '../model/defaults';
import { DataPlane, LaneMode, RoutingApi } from '../props/chain-props';

/** Why Gateway API cannot keep `sourceLabels` lanes. */
export const GATEWAY_API_SOURCE_REASON = 'HTTPRoutes cannot match the calling workload (Gateway API has no source matches), '
  + 'so every call behind the entry would go to the baseline';

/** Why ambient mode cannot keep `sourceLabels` lanes. */
export const AMBIENT_SOURCE_REASON = 'waypoints do not use source matches in ambient mode (istio/api#3517, istio/istio#54775 and #61590), '
  + 'so every call behind the entry would silently take the default route';

/**
 * `sourceLabels` lanes (the default lane mode) need the proxy to know the calling pod's labels.
 * Gateway API routes have no such match, and Istio's waypoints ignore it, so with
 * `routingApi: gateway-api` or `dataPlane: ambient` the lane must travel in a header.
 */
export function checkLaneModeSupport(chain: ChainContext, out: RuleOutput): void {
  const { props } = chain;
  if (laneModeOf(props) !== LaneMode.SOURCE_LABELS) return;
  const reasons = [
    ...(routingApiOf(props) === RoutingApi.GATEWAY_API ? [`with routingApi ${show(RoutingApi.GATEWAY_API)}, ${GATEWAY_API_SOURCE_REASON}`] : []),
    ...(dataPlaneOf(props) === DataPlane.AMBIENT ? [`with dataPlane ${show(DataPlane.AMBIENT)}, ${AMBIENT_SOURCE_REASON}`] : []),
  ];
  if (reasons.length === 0) return;
  const given = props.laneMode === undefined ? 'is not set, so lanes follow the callers\' labels (sourceLabels)' : `is ${show(props.laneMode)}`;
  out.problems.add(['laneMode'], `${given}, which cannot keep lanes: ${reasons.join('; and ')}. `
    + `Set \`laneMode: ${LaneMode.HEADER}\`, and have every application forward the lane header`);
}
