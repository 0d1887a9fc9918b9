import { hostNames, normaliseHost } from './hosts';
import { VirtualServiceInfo } from './manifest-objects';
import { MeshIndex } from './mesh-index';
import { MeshRequest, requestGateway } from './request';

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
  return index.virtualServicesBinding(names, requestGateway(request));
}
