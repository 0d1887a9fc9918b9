import type { ChainModel, ServiceModel } from './chain-model';
import type { RouteRule } from './routing-plan';
import { LaneMode } from '../props/chain-props';

/*
 * The rules of the services behind the entry: the lanes, the baseline, and what lane faults
 * and mirrors (dark launches) add to them. Part of the routing plan (routing-plan.ts).
 */

/**
 * A later service's rules. In `sourceLabels` mode a version takes the requests of callers
 * running that same version (callers that have it); in `header` mode each version but the
 * baseline takes the requests whose lane header names it. Everything else goes to the baseline.
 * Mirror targets take no lane; calls from their pods come first, to the baseline.
 * @internal
 */
export function laneRules(chain: Omit<ChainModel, 'routing'>, service: ServiceModel): RouteRule[] {
  const live = service.versions.filter(version => !isMirrorTarget(service, version.name));
  const lanes = chain.laneMode === LaneMode.HEADER
    ? live.filter(version => version.name !== service.baseline).map(version => laneRule(chain, service, version.name, version.name))
    : live.map(version => laneRule(chain, service, version.name, version.name)).filter(rule => rule.matches.length > 0);
  const rules = withLaneExperiments(chain, service, [...lanes, { matches: [], targets: [{ version: service.baseline }] }]);
  return [...mirrorCallerRules(chain, service), ...rules];
}

/**
 * The rule sending lane `lane` to `version`. In `header` mode it matches the lane header; in
 * `sourceLabels` mode the callers running version `lane` (none when no caller has it). Callers
 * that are a mirror target in that version are left out: their calls take the mirror rules.
 */
function laneRule(chain: Omit<ChainModel, 'routing'>, service: ServiceModel, lane: string, version: string): RouteRule {
  if (chain.laneMode === LaneMode.HEADER) return { matches: [{ lane }], targets: [{ version }] };
  const callers = service.callers.filter(caller => chain.service(caller).hasVersion(lane) && !isMirrorTarget(chain.service(caller), lane));
  return { matches: callers.map(caller => ({ caller: { service: caller, version: lane } })), targets: [{ version }] };
}

/** Whether a version only receives mirrored copies, and so takes no lane. */
function isMirrorTarget(service: ServiceModel, version: string): boolean {
  return service.mirrors.some(mirror => mirror.version === version);
}

/**
 * Calls from the pods of a mirror target go to the baseline, out of every lane: they match the
 * calling pods' labels first, and in `header` mode the lane header they forwarded is removed,
 * so that nothing downstream of them joins a lane either.
 */
function mirrorCallerRules(chain: Omit<ChainModel, 'routing'>, service: ServiceModel): RouteRule[] {
  const mirrorCallers = service.callers.flatMap(caller => [...new Set(chain.service(caller).mirrors.map(mirror => mirror.version))]
    .map(version => ({ service: caller, version })));
  if (mirrorCallers.length === 0) return [];
  const dropLane = chain.laneMode === LaneMode.HEADER ? { dropLane: true } : {};
  return [{ matches: mirrorCallers.map(caller => ({ caller })), targets: [{ version: service.baseline, ...dropLane }] }];
}

/**
 * Adds the service's lane faults and mirrors to the rules that carry their lanes. A lane with no
 * rule of its own here (the service lacks its version: it takes the last rule, to the baseline)
 * gets one, matching the lane, placed just before the last rule: the fault or mirror then
 * applies to that lane alone. A mirror without a lane copies the baseline's traffic: the last
 * rule's and, in `sourceLabels` mode, that of the rule for callers running the baseline's version.
 */
function withLaneExperiments(chain: Omit<ChainModel, 'routing'>, service: ServiceModel, rules: RouteRule[]): RouteRule[] {
  const lanes = [...new Set([...service.faults.map(f => f.lane), ...service.mirrors.flatMap(m => (m.lane === undefined ? [] : [m.lane]))])];
  const result = [...rules];
  for (const lane of lanes) {
    if (result.some(rule => carriesLane(rule, lane, chain.laneMode))) continue;
    const added = laneRule(chain, service, lane, service.baseline);
    if (added.matches.length > 0) result.splice(result.length - 1, 0, added);
  }
  return result.map((rule, i) => {
    const last = i === result.length - 1;
    const fault = service.faults.find(f => carriesLane(rule, f.lane, chain.laneMode));
    const mirror = service.mirrors.find(m => (m.lane === undefined ? last || carriesLane(rule, service.baseline, chain.laneMode)
      : carriesLane(rule, m.lane, chain.laneMode)));
    return {
      ...rule,
      ...(fault ? { fault: { delay: fault.delay, abort: fault.abort } } : {}),
      ...(mirror ? { mirror: { version: mirror.version, percentage: mirror.percentage } } : {}),
    };
  });
}

/** Whether a rule is the one for a lane: it matches that lane (header) or callers in that version (source labels). */
function carriesLane(rule: RouteRule, lane: string, laneMode: LaneMode): boolean {
  if (rule.matches.length === 0) return false;
  // Stryker disable next-line OptionalChaining,MethodExpression: in sourceLabels mode every match of a lane rule names a caller, all in the rule's one lane (header mode: one match), so `some` would agree
  return rule.matches.every(match => (laneMode === LaneMode.HEADER ? match.lane === lane : match.caller?.version === lane));
}
