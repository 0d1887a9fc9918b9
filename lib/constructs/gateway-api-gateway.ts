import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import {
  Gateway, GatewaySpecListeners, GatewaySpecListenersAllowedRoutes, GatewaySpecListenersAllowedRoutesNamespacesFrom, GatewaySpecListenersTlsMode,
} from '../../imports/gateway.networking.k8s.io';
import { DEFAULT_GATEWAY_CLASS } from '../model/defaults';
import { GatewayProps } from '../props/entry-props';

/** Props of {@link GatewayApiGateway}. */
export interface GatewayApiGatewayProps {
  /** What the gateway serves. */
  readonly gateway: GatewayProps;
  /** Hosts used when the gateway names none: the entry's hosts. */
  readonly defaultHosts: string[];
  /** The namespace of the HTTPRoutes that attach to it: the chain's. */
  readonly routeNamespace: string;
}

/**
 * A Gateway API Gateway for the entry, of class `gatewayClassName` (`istio` by default), with
 * a listener per host: HTTPS terminating TLS with the Secret `credentialName`, else HTTP. When
 * the Gateway lives in another namespace than the chain's routes, its listeners admit routes
 * from that namespace only (selected by the `kubernetes.io/metadata.name` label Kubernetes sets).
 */
export class GatewayApiGateway extends Construct {
  /** The Gateway. */
  public readonly object: ApiObject;

  constructor(scope: Construct, id: string, props: GatewayApiGatewayProps) {
    super(scope, id);
    const { gateway } = props;
    const [namespace, name] = gateway.ref.split('/');
    const tls = gateway.credentialName !== undefined;
    const protocol = tls ? 'HTTPS' : 'HTTP';
    const allowedRoutes: GatewaySpecListenersAllowedRoutes | undefined = namespace === props.routeNamespace ? undefined : {
      namespaces: {
        from: GatewaySpecListenersAllowedRoutesNamespacesFrom.SELECTOR,
        selector: { matchLabels: { 'kubernetes.io/metadata.name': props.routeNamespace } },
      },
    };
    const hosts = gateway.hosts ?? props.defaultHosts;
    const listeners = (hosts.length > 0 ? hosts : ['*']).map((host, i): GatewaySpecListeners => ({
      name: `${protocol.toLowerCase()}-${i}`,
      hostname: host === '*' ? undefined : host,
      port: gateway.port ?? (tls ? 443 : 80),
      protocol,
      tls: tls ? { mode: GatewaySpecListenersTlsMode.TERMINATE, certificateRefs: [{ name: gateway.credentialName! }] } : undefined,
      allowedRoutes,
    }));
    this.object = new Gateway(this, 'Resource', {
      metadata: { name, namespace },
      spec: { gatewayClassName: gateway.gatewayClassName ?? DEFAULT_GATEWAY_CLASS, listeners },
    });
  }
}
