import { ApiObject, ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import {
  DestinationRule, DestinationRuleSpec, DestinationRuleV1Beta1, DestinationRuleV1Beta1Spec,
  Gateway, GatewaySpec, GatewayV1Beta1, GatewayV1Beta1Spec,
  VirtualService, VirtualServiceSpec, VirtualServiceV1Beta1, VirtualServiceV1Beta1Spec,
} from '../../imports/networking.istio.io';
import { IstioApiVersion } from '../props/chain-props';

/*
 * Istio serves v1 and v1beta1 from one schema, so specs are built once with the v1 types
 * and handed to the binding of the version asked for. The bindings differ only in the
 * names of their enum types, never in fields or values.
 */

/** Writes a VirtualService in the API version asked for. */
export function virtualService(
  scope: Construct, id: string, version: IstioApiVersion, metadata: ApiObjectMetadata, spec: VirtualServiceSpec,
): ApiObject {
  return version === IstioApiVersion.V1
    ? new VirtualService(scope, id, { metadata, spec })
    : new VirtualServiceV1Beta1(scope, id, { metadata, spec: spec as unknown as VirtualServiceV1Beta1Spec });
}

/** Writes a DestinationRule in the API version asked for. */
export function destinationRule(
  scope: Construct, id: string, version: IstioApiVersion, metadata: ApiObjectMetadata, spec: DestinationRuleSpec,
): ApiObject {
  return version === IstioApiVersion.V1
    ? new DestinationRule(scope, id, { metadata, spec })
    : new DestinationRuleV1Beta1(scope, id, { metadata, spec: spec as unknown as DestinationRuleV1Beta1Spec });
}

/** Writes a Gateway in the API version asked for. */
export function gateway(
  scope: Construct, id: string, version: IstioApiVersion, metadata: ApiObjectMetadata, spec: GatewaySpec,
): ApiObject {
  return version === IstioApiVersion.V1
    ? new Gateway(scope, id, { metadata, spec })
    : new GatewayV1Beta1(scope, id, { metadata, spec: spec as unknown as GatewayV1Beta1Spec });
}
