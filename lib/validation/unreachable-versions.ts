import { LaneTrace } from './lane-trace';
import { RuleOutput } from './rule-context';
import { show } from '../diagnostics/problems';
import { ChainModel } from '../model/chain-model';

/**
 * Versions that never get traffic from the entry, found by tracing requests through the
 * routing plan ({@link LaneTrace}):
 * - a version of the entry service that no entry rule routes to (no header route, no weight
 *   above 0, not `defaultVersion`);
 * - a version of a later service that no lane reaches, because no lane of that name starts at
 *   the entry. Versions a lane would reach but loses on the way are the lane-gap warning's,
 *   which names where the lane is lost; services the entry never calls are the call graph's.
 * A warning: a version kept at 0 while it is prepared is a choice, but it is worth knowing.
 * A mirror target takes no live traffic by design, and is not reported.
 */
export function checkUnreachableVersions(chain: ChainModel, trace: LaneTrace, out: RuleOutput): void {
  const entry = chain.entry.service;
  const startedLanes = [...trace.entryVersions];
  const reached = new Set(trace.positions.map(p => `${p.service}\0${p.version}`));
  const reachedServices = new Set(trace.positions.map(p => p.service));
  chain.services.forEach((service, i) => {
    if (!reachedServices.has(service.name)) return;
    for (const version of service.versions) {
      if (reached.has(`${service.name}\0${version.name}`)) continue;
      if (service.mirrors.some(mirror => mirror.version === version.name)) continue;
      const where = `services[${i}].versions.${version.name}`;
      if (service.name === entry) {
        out.warnings.push(`${where}: ${show(`${service.name}-${version.name}`)} never gets traffic: no route of the entry sends requests to `
          + `${show(version.name)} (no header route, no weight above 0, not \`defaultVersion\`); route some traffic to it, or remove it`);
      } else if (!startedLanes.includes(version.name)) {
        out.warnings.push(`${where}: ${show(`${service.name}-${version.name}`)} never gets traffic: no lane leads to it, as lanes start at the `
          + `versions the entry routes to (${show(startedLanes)}) and none is ${show(version.name)}; add ${show(version.name)} to the entry `
          + `service ${show(entry)} and route traffic to it, or remove it`);
      }
    }
  });
}
