import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { Gateway } from '../../imports/gateway.networking.k8s.io';
import { WAYPOINT_NAME } from '../model/naming';

/** The GatewayClass of Istio's waypoints. */
export const WAYPOINT_CLASS = 'istio-waypoint';

/** The label that sends a Service's (or a namespace's) traffic through a waypoint. */
export const USE_WAYPOINT_LABEL = 'istio.io/use-waypoint';

/** The namespace label that enrolls its pods in ambient mode. */
export const DATAPLANE_MODE_LABEL = 'istio.io/dataplane-mode';

/** Props of {@link Waypoint}. */
export interface WaypointProps {
  /**
   * Namespace written into the object.
   * @default - none
   */
  readonly namespace?: string;
}

/**
 * The waypoint of an ambient chain: a Gateway of class `istio-waypoint` listening for HBONE on
 * port 15008, for the traffic addressed to Services (`istio.io/waypoint-for: service`). The
 * Services that carry `istio.io/use-waypoint: waypoint` (or whose namespace does) send their
 * traffic through it, and it applies their HTTP routing.
 */
export class Waypoint extends Construct {
  /** The Gateway. */
  public readonly object: ApiObject;

  constructor(scope: Construct, id: string, props: WaypointProps = {}) {
    super(scope, id);
    this.object = new Gateway(this, 'Resource', {
      metadata: { name: WAYPOINT_NAME, namespace: props.namespace, labels: { 'istio.io/waypoint-for': 'service' } },
      spec: {
        gatewayClassName: WAYPOINT_CLASS,
        listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
      },
    });
  }
}
