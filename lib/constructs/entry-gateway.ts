import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { gateway as gatewayObject } from './istio-objects';
import { GatewaySpecServersTlsMode } from '../../imports/networking.istio.io';
import { IstioApiVersion } from '../props/chain-props';
import { GatewayProps } from '../props/entry-props';

/** Props of {@link EntryGateway}. */
export interface EntryGatewayProps {
  /** What the gateway serves. */
  readonly gateway: GatewayProps;
  /** Hosts used when the gateway names none: the entry's hosts. */
  readonly defaultHosts: string[];
  /** API version of the object. */
  readonly apiVersion: IstioApiVersion;
}

/** An Istio Gateway with one server: HTTPS with `credentialName` (TLS terminated at the gateway), else HTTP. */
export class EntryGateway extends Construct {
  /** The Gateway. */
  public readonly object: ApiObject;

  constructor(scope: Construct, id: string, props: EntryGatewayProps) {
    super(scope, id);
    const { gateway } = props;
    const [namespace, name] = gateway.ref.split('/');
    const tls = gateway.credentialName !== undefined;
    this.object = gatewayObject(this, 'Resource', props.apiVersion, { name, namespace }, {
      selector: gateway.selector ?? { istio: 'ingressgateway' },
      servers: [{
        port: { number: gateway.port ?? (tls ? 443 : 80), name: tls ? 'https' : 'http', protocol: tls ? 'HTTPS' : 'HTTP' },
        hosts: gateway.hosts ?? props.defaultHosts,
        tls: tls ? { mode: GatewaySpecServersTlsMode.SIMPLE, credentialName: gateway.credentialName } : undefined,
      }],
    });
  }
}

