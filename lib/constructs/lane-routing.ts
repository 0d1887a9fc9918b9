import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { VirtualServiceSpecHttp } from '../../imports/networking.istio.io';
import { LaneMode } from '../lane-mode';
import { ChainModel, ServiceModel } from '../model/chain-model';
import { virtualService } from './istio-objects';

/** Props of {@link LaneRouting}. */
export interface LaneRoutingProps {
  /** The resolved chain. */
  readonly chain: ChainModel;
  /** The service routed, one that is not the entry. */
  readonly service: ServiceModel;
}

/**
 * The VirtualService `vs-<service>` of a service behind the entry. It keeps each request
 * in its caller's lane and sends everything else to the service's baseline:
 * - `sourceLabels` mode: a route per version, matching callers with that `version` label;
 * - `header` mode: a route per non-baseline version, matching the lane header exactly.
 */
export class LaneRouting extends Construct {
  /** The VirtualService. */
  public readonly object: ApiObject;

  constructor(scope: Construct, id: string, props: LaneRoutingProps) {
    super(scope, id);
    const { chain, service } = props;
    const laneRules = chain.laneMode === LaneMode.HEADER ? headerRules(chain, service) : sourceLabelRules(chain, service);
    this.object = virtualService(this, 'Resource', chain.apiVersion,
      { name: `vs-${service.name}`, namespace: chain.namespace },
      {
        hosts: [service.name],
        http: [...laneRules, { route: [{ destination: { host: service.name, subset: service.baseline } }] }],
      });
  }
}

function sourceLabelRules(chain: ChainModel, service: ServiceModel): VirtualServiceSpecHttp[] {
  return service.versions.flatMap(version => {
    const callers = service.callers.filter(caller => chain.service(caller).hasVersion(version.name));
    if (callers.length === 0) return [];
    return [{
      match: callers.map(caller => ({ sourceLabels: { app: caller, version: version.name } })),
      route: [{ destination: { host: service.name, subset: version.name } }],
    }];
  });
}

function headerRules(chain: ChainModel, service: ServiceModel): VirtualServiceSpecHttp[] {
  return service.versions
    .filter(version => version.name !== service.baseline)
    .map(version => ({
      match: [{ headers: { [chain.laneHeader]: { exact: version.name } } }],
      route: [{ destination: { host: service.name, subset: version.name } }],
    }));
}
