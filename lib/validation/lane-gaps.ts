import { RuleOutput } from './rule-context';
import { show } from '../diagnostics/problems';
import { listWords } from '../diagnostics/schema-words';
import { ChainModel } from '../model/chain-model';
import { LanePosition, laneStep } from '../model/lane-step';

/** Where a lane is lost: the service that takes it off its version, and who called it. */
interface LaneLoss {
  readonly lane: string;
  readonly caller: string;
  readonly service: string;
}

/**
 * Lanes lost on the way, read from the routing plan. Every lane starts at a version of the
 * entry service and is followed hop by hop with {@link laneStep}, exactly as the routing
 * objects route it. A lane is lost at the first service that sends it elsewhere and makes it
 * travel on in another lane: in `sourceLabels` mode, a service that lacks the lane's version,
 * whose baseline then calls on in the baseline's lane. (In `header` mode the lane header goes
 * on, so lanes are never lost.) A loss is reported only when a service further down has the
 * lane's version, which then never sees its lane's requests along that path. Each loss is
 * named once, at the first service where it happens, with the fix that carries the lane to
 * every such version: the version added to every service on the way that lacks it.
 * Losses are warnings, or problems with `strict: true`.
 */
export function checkLaneGaps(chain: ChainModel, strict: boolean, out: RuleOutput): void {
  for (const loss of laneLosses(chain)) {
    const service = chain.service(loss.service);
    const holders = holdersBelow(chain, loss.service, loss.lane);
    if (holders.length === 0) continue;
    const missing = lackingOnTheWay(chain, loss.service, loss.lane, new Set(holders));
    const message = `lane ${show(loss.lane)} cannot pass ${show(service.name)}, which has no ${show(loss.lane)}: `
      + `requests on that lane from ${show(loss.caller)} go to its baseline ${show(service.baseline)} and leave the lane, `
      + `so ${listWords(holders.map(name => show(name)))} never ${holders.length === 1 ? 'sees' : 'see'} them on ${show(loss.lane)}. `
      + `Add ${show(loss.lane)} to ${listWords(missing.map(name => show(name)))}, or use laneMode 'header' to carry the lane across.`;
    if (strict) out.problems.add(['services', chain.services.indexOf(service), 'versions'], message);
    else out.warnings.push(message);
  }
}

/** Every first loss of a lane, in the order the lanes are walked (entry versions, then call order). */
function laneLosses(chain: ChainModel): LaneLoss[] {
  const plan = chain.routing;
  const losses = new Map<string, LaneLoss>();
  const seen = new Set<string>();
  const stack: LanePosition[] = chain.service(plan.entry.service).versions
    .map(v => ({ service: plan.entry.service, version: v.name, lane: v.name }))
    .reverse();
  while (stack.length > 0) {
    const at = stack.pop()!;
    const key = `${at.service}\0${at.version}\0${at.lane}`;
    // Stryker disable next-line ConditionalExpression: the call graph is acyclic, so a second visit ends too, and only a loss not yet named is kept
    if (seen.has(key)) continue;
    seen.add(key);
    const next = chain.service(at.service).calls.map(callee => laneStep(plan, at, callee));
    for (const step of next) {
      const lossKey = `${at.lane}\0${step.service}`;
      if (!step.keepsLane && !losses.has(lossKey)) losses.set(lossKey, { lane: at.lane, caller: at.service, service: step.service });
    }
    stack.push(...next.reverse());
  }
  return [...losses.values()];
}

/** The services strictly below `service` that have `version`, in chain order. */
function holdersBelow(chain: ChainModel, service: string, version: string): string[] {
  const below = reachable(chain, chain.service(service).calls);
  return chain.services.filter(s => below.has(s.name) && s.hasVersion(version)).map(s => s.name);
}

/**
 * The services from `start` down (itself included) that lack `version` and call, directly or
 * not, one of `holders`: each must get the version for the lane to reach them all.
 */
function lackingOnTheWay(chain: ChainModel, start: string, version: string, holders: Set<string>): string[] {
  const onTheWay = reachable(chain, [start]);
  const callersOfHolders = reachable(chain, [...holders].flatMap(name => chain.service(name).callers), 'callers');
  return chain.services
    .filter(s => onTheWay.has(s.name) && callersOfHolders.has(s.name) && !s.hasVersion(version))
    .map(s => s.name);
}

/** Every service reachable from `starts` through calls (or, backwards, through callers), the starts included. */
function reachable(chain: ChainModel, starts: readonly string[], direction: 'calls' | 'callers' = 'calls'): Set<string> {
  const found = new Set<string>();
  const stack = [...starts];
  while (stack.length > 0) {
    const name = stack.pop()!;
    // Stryker disable next-line ConditionalExpression: the call graph is acyclic, so a second visit ends too and adds nothing new to the set
    if (found.has(name)) continue;
    found.add(name);
    stack.push(...chain.service(name)[direction]);
  }
  return found;
}
