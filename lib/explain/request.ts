import { ExplainEntry } from './entry';

/** A request as the routing sees it: caller identity resolved, header names in lower case. */
export interface MeshRequest {
  /** Host the request is addressed to. */
  readonly host: string;
  /** Gateway reference `namespace/name` it came through; undefined for a sidecar (mesh) request. */
  readonly gateway?: string;
  /** Labels of the calling pod. */
  readonly sourceLabels: Record<string, string>;
  /** Namespace of the calling pod. */
  readonly sourceNamespace: string;
  /** Headers, names in lower case. */
  readonly headers: Record<string, string>;
  /** Request path, optionally with a `?query`. */
  readonly uri: string;
}

/** The gateway name a VirtualService match uses for sidecar traffic. */
export const MESH_GATEWAY = 'mesh';

/** A gateway reference as `namespace/name`; a bare name belongs to `namespace`, `mesh` stays `mesh`. */
export function resolveGatewayRef(ref: string, namespace: string): string {
  if (ref === MESH_GATEWAY || ref.includes('/')) return ref;
  return `${namespace}/${ref}`;
}

/** Copy of `headers` with names in lower case. */
export function lowerCaseHeaders(headers: Record<string, string> = {}): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) result[name.toLowerCase()] = value;
  return result;
}

/**
 * The request an entry describes, as it leaves its caller. A gateway request comes from the
 * gateway's namespace and carries no pod labels, whatever the entry's `sourceLabels` say.
 */
export function entryRequest(entry: ExplainEntry, defaultNamespace: string): MeshRequest {
  const common = { host: entry.host, headers: lowerCaseHeaders(entry.headers), uri: entry.uri ?? '/' };
  if (entry.gateway === undefined) {
    return {
      ...common,
      sourceLabels: { ...entry.sourceLabels },
      sourceNamespace: entry.sourceNamespace ?? defaultNamespace,
    };
  }
  const gateway = resolveGatewayRef(entry.gateway, defaultNamespace);
  return { ...common, gateway, sourceLabels: {}, sourceNamespace: gateway.split('/')[0] };
}

/** The gateway name a VirtualService sees the request on: its gateway reference, or `mesh`. */
export function requestGateway(request: MeshRequest): string {
  return request.gateway ?? MESH_GATEWAY;
}
