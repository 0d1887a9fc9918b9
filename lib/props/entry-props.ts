/** Where a request reaches the entry: through an ingress gateway, or from inside the mesh. */
export enum TrafficSource {
  /** Requests through any of the entry's gateways. */
  GATEWAY = 'gateway',
  /** Requests from pods inside the mesh. */
  MESH = 'mesh',
}

/**
 * Traffic split between versions: version name to percentage. Destinations are written in version order.
 * Each weight is a whole percentage, from 0 to 100.
 * @additionalProperties {"type": "integer", "minimum": 0, "maximum": 100}
 */
export type Weights = Record<string, number>;

/**
 * A rule that sends requests carrying a header (or cookie) to one version.
 * Set exactly one of `header` or `cookie`, and exactly one of `exact`, `prefix` or `regex`.
 */
export interface HeaderRoute {
  /** The version that matching requests go to. */
  readonly version: string;
  /**
   * Name of the request header to match.
   * @default - none; set this or `cookie`
   */
  readonly header?: string;
  /**
   * Name of a cookie to match; written as a regex match on the `cookie` header, confined to
   * that cookie's value (a regex is translated so that it never crosses the `;` between cookies).
   * @default - none; set this or `header`
   */
  readonly cookie?: string;
  /** @default - none; set exactly one of `exact`, `prefix`, `regex` */
  readonly exact?: string;
  /** @default - none; set exactly one of `exact`, `prefix`, `regex` */
  readonly prefix?: string;
  /**
   * An RE2 regular expression; Envoy requires it to match the whole value. Never empty.
   * @default - none; set exactly one of `exact`, `prefix`, `regex`
   */
  readonly regex?: string;
  /**
   * Which traffic the rule applies to.
   * @default [TrafficSource.GATEWAY]
   */
  readonly from?: TrafficSource[];
}

/** A Gateway the library writes for the entry: an Istio Gateway, or a Gateway API Gateway with `routingApi: gateway-api`. */
export interface GatewayProps {
  /** Reference `namespace/name` of the Gateway; also listed in the entry's `gateways`. */
  readonly ref: string;
  /**
   * Hosts the gateway server accepts. Each must match a host of the entry.
   * @default - the entry's hosts
   * @maxItems 100
   */
  readonly hosts?: string[];
  /**
   * Port the gateway listens on.
   * @default - 443 with `credentialName`, 80 without
   * @asType integer
   * @minimum 1
   * @maximum 65535
   */
  readonly port?: number;
  /**
   * Name of the Secret with the TLS certificate; the server terminates TLS (`SIMPLE`).
   * @default - plain HTTP
   */
  readonly credentialName?: string;
  /**
   * Pod labels of the ingress gateway deployment (Istio Gateways only).
   * @default { istio: 'ingressgateway' }
   */
  readonly selector?: Record<string, string>;
  /**
   * The GatewayClass of a Gateway API Gateway (`routingApi: gateway-api` only): which
   * implementation serves it.
   * @default 'istio'
   */
  readonly gatewayClassName?: string;
}

/** The entry of the chain: how outside and mesh traffic reaches the entry service, and in which version. */
export interface EntryProps {
  /** Name of the entry service. */
  readonly service: string;
  /**
   * Gateways the entry is bound to, as `namespace/name` (never `mesh`: mesh traffic is `mesh`).
   * @default - none; the entry takes mesh traffic only
   */
  readonly gateways?: string[];
  /**
   * Istio Gateways to write. Each `ref` is added to `gateways` if missing.
   * @default - none; the gateways exist already
   * @maxItems 50
   */
  readonly createGateways?: GatewayProps[];
  /**
   * External hosts of the entry (IP addresses or DNS names), none overlapping another.
   * The entry service's cluster FQDN is added when the entry takes mesh traffic.
   * @default - none; a root bound to gateways only needs at least one
   * @maxItems 1000
   */
  readonly hosts?: string[];
  /**
   * Whether the entry also routes requests from inside the mesh.
   * @default true
   */
  readonly mesh?: boolean;
  /**
   * Name of the root VirtualService, bound to the gateways and the mesh, that delegates to the entry service.
   * @default - `vs-gateway-<entry service>`
   */
  readonly rootName?: string;
  /**
   * Namespace of the root VirtualService.
   * @default - the namespace of the first gateway, else the chain's namespace
   */
  readonly rootNamespace?: string;
  /**
   * URI prefix the root VirtualService delegates.
   * @default '/'
   */
  readonly uriPrefix?: string;
  /**
   * Header and cookie rules, tried in order before the weights.
   * @default - none
   * @maxItems 1000
   */
  readonly headerRoutes?: HeaderRoute[];
  /**
   * Split of gateway traffic between versions.
   * @default - none; gateway traffic takes the header routes and the default route
   */
  readonly gatewayWeights?: Weights;
  /**
   * Split of mesh traffic between versions. When equal to `gatewayWeights`, one route serves both.
   * @default - none; mesh traffic takes the default route
   */
  readonly meshWeights?: Weights;
  /**
   * Version of a last route without match, for whatever no rule above took.
   * @default - no such route
   */
  readonly defaultVersion?: string;
}
