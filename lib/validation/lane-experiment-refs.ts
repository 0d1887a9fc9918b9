import { ChainContext, RuleOutput } from './rule-context';
import { PathSegment, show } from '../diagnostics/problems';
import { laneModeOf } from '../model/defaults';
import { compareNatural } from '../model/natural-order';
import { LaneMode } from '../props/chain-props';
import { ServiceProps } from '../props/service-props';

/**
 * Lane faults and mirrors (dark launches) name lanes and versions that exist, and stay away
 * from the baseline's live traffic:
 * - neither is set on the entry service, which picks the lanes;
 * - a lane is one that reaches the service: a version of the entry service in `header` mode,
 *   a version of one of its callers in `sourceLabels` mode; a fault's lane is never the
 *   service's baseline nor the entry's, whose requests are the baseline's traffic;
 * - a fault delays or aborts, and a lane has at most one fault and one mirror;
 * - a mirror copies to another version of the service, never its baseline, which then takes no
 *   lane; at most one mirror copies the baseline's traffic (no `lane`; never `lane` set to the baseline).
 */
export function checkLaneExperiments(chain: ChainContext, out: RuleOutput): void {
  chain.services.forEach((service, i) => {
    const path: PathSegment[] = ['services', i];
    const faults = service.faults ?? [];
    const mirrors = service.mirrors ?? [];
    if (faults.length === 0 && mirrors.length === 0) return;
    if (service.name === chain.entry.service) {
      const field = faults.length > 0 ? 'faults' : 'mirrors';
      out.problems.add([...path, field], `are set on the entry service ${show(service.name)}, which picks the lanes and has none to `
        + 'scope them to; set them on a service the entry calls');
      return;
    }
    const versions = Object.keys(service.versions);
    const baseline = baselineOf(service);
    const mirrorTargets = new Set(mirrors.map(mirror => mirror.version));
    const faultLanes = new Map<string, number>();
    faults.forEach((fault, j) => {
      const at = [...path, 'faults', j];
      checkLane(chain, service, out, [...at, 'lane'], fault.lane, true);
      if (fault.delay === undefined && fault.abort === undefined) {
        out.problems.add(at, 'injects nothing; set `delay`, `abort` or both');
      }
      repeated(out, faultLanes, fault.lane, j, [...at, 'lane'], 'faults');
      if (mirrorTargets.has(fault.lane)) {
        out.problems.add([...at, 'lane'], `${show(fault.lane)} is a mirror target of ${show(service.name)}, which takes no lane; name another lane`);
      }
    });
    const mirrorLanes = new Map<string, number>();
    mirrors.forEach((mirror, j) => {
      const at = [...path, 'mirrors', j];
      if (!versions.includes(mirror.version)) {
        out.problems.add([...at, 'version'], `${show(mirror.version)} is not a version of ${show(service.name)}; use one of ${show(versions)}`);
      } else if (mirror.version === baseline) {
        out.problems.add([...at, 'version'], `${show(mirror.version)} is the baseline of ${show(service.name)}, which takes live traffic; `
          + 'mirror to a version that takes none');
      }
      if (mirror.lane === baseline) {
        out.problems.add([...at, 'lane'], `${show(mirror.lane)} is the baseline of ${show(service.name)}: its traffic is the baseline's, which `
          + 'a mirror without `lane` copies; leave `lane` out');
      } else if (mirror.lane !== undefined) {
        checkLane(chain, service, out, [...at, 'lane'], mirror.lane, false);
        if (mirrorTargets.has(mirror.lane)) {
          out.problems.add([...at, 'lane'], `${show(mirror.lane)} is a mirror target of ${show(service.name)}, which takes no lane; name another lane`);
        }
      }
      repeated(out, mirrorLanes, mirror.lane ?? '', j, at, 'mirrors');
    });
  });
}

/** Whether `lane` reaches the service, and (for faults) is not the baseline's traffic. */
function checkLane(chain: ChainContext, service: ServiceProps, out: RuleOutput, path: PathSegment[], lane: string, isFault: boolean): void {
  const header = laneModeOf(chain.props) === LaneMode.HEADER;
  const lanes = header
    ? [...(chain.entryVersions ?? [])]
    : [...new Set(chain.services.filter(s => s.calls?.includes(service.name)).flatMap(liveVersions))];
  if (!lanes.includes(lane)) {
    out.problems.add(path, `${show(lane)} is not a lane that reaches ${show(service.name)}: `
      + (header ? 'lanes are the versions of the entry service' : 'lanes are the versions of the services calling it')
      + (lanes.length > 0 ? `, here ${show(lanes.sort(compareNatural))}; name one of them` : ', and none reaches it; remove this entry'));
    return;
  }
  if (!isFault) return;
  const entry = chain.services.find(s => s.name === chain.entry.service);
  const baselines = [service, ...(entry ? [entry] : [])].map(baselineOf);
  if (baselines.includes(lane)) {
    out.problems.add(path, `${show(lane)} is a baseline's lane: its requests are the live baseline traffic, which a lane fault must `
      + 'never touch; name a canary lane');
  }
}

function repeated(out: RuleOutput, seen: Map<string, number>, lane: string, j: number, path: PathSegment[], field: string): void {
  const first = seen.get(lane);
  if (first === undefined) {
    seen.set(lane, j);
    return;
  }
  const which = lane === '' ? 'the baseline\'s traffic' : `lane ${show(lane)}`;
  out.problems.add(path, `${field}[${first}] already applies to ${which}; a route takes one, so merge them`);
}

/** The versions of a service that take lanes: all but its mirror targets. */
function liveVersions(service: ServiceProps): string[] {
  const mirrored = new Set(service.mirrors?.map(mirror => mirror.version));
  return Object.keys(service.versions).filter(version => !mirrored.has(version));
}

/** The version taking the requests no lane claims: `baseline`, else the first in natural order. */
function baselineOf(service: ServiceProps): string {
  return service.baseline ?? Object.keys(service.versions).sort(compareNatural)[0];
}
