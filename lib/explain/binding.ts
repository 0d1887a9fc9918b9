import { hostNames, hostPatternCovers, normaliseHost } from './hosts';
import { VirtualServiceInfo } from './manifest-objects';
import { MeshIndex } from './mesh-index';
import { MESH_GATEWAY, MeshRequest, requestGateway, resolveGatewayRef } from './request';

/**
 * The VirtualServices that bind a request, in manifest order: those attached to its gateway
 * (`mesh` for a sidecar request; no `gateways` means `mesh`) whose hosts cover its host.
 * A sidecar request's short host is read in the caller's namespace; a gateway request's host is
 * taken literally. Delegates (no hosts) never bind.
 */
export function bindingVirtualServices(index: MeshIndex, request: MeshRequest): VirtualServiceInfo[] {
  const names = request.gateway === undefined
    ? hostNames(request.host, request.sourceNamespace)
    : [normaliseHost(request.host)];
  const gateway = requestGateway(request);
  return index.virtualServices.filter(vs =>
    attachedGateways(vs).includes(gateway)
    && vs.hosts.some(host => hostPatternCovers(host, vs.namespace, names)));
}

/** The gateways a VirtualService is attached to, as `namespace/name` or `mesh`. */
function attachedGateways(vs: VirtualServiceInfo): string[] {
  if (vs.gateways === undefined || vs.gateways.length === 0) return [MESH_GATEWAY];
  return vs.gateways.map(gateway => resolveGatewayRef(gateway, vs.namespace));
}
