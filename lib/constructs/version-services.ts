import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { Service } from 'kubernetes-types/core/v1';
import { kubeObject } from './kube-object';
import { ServiceModel } from '../model/chain-model';
import { versionServiceName } from '../model/naming';

/** Props of {@link VersionServices}. */
export interface VersionServicesProps {
  /** The resolved service. */
  readonly service: ServiceModel;
  /**
   * Namespace written into the objects.
   * @default - none
   */
  readonly namespace?: string;
}

/**
 * A Service per version, `<service>-<version>`, selecting `app` and `version`, with the
 * service's port. Gateway API routes to Services, not to DestinationRule subsets, so these
 * are the backends of the HTTPRoutes; the service's own Service stays the name callers use.
 */
export class VersionServices extends Construct {
  /** The Services, by version name, in version order. */
  public readonly services: Map<string, ApiObject>;

  constructor(scope: Construct, id: string, props: VersionServicesProps) {
    super(scope, id);
    const { service, namespace } = props;
    this.services = new Map(service.versions.map(version => [version.name, kubeObject<Service>(this, `Service-${version.name}`, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: versionServiceName(service.name, version.name),
        namespace,
        labels: { app: service.name, service: service.name, version: version.name },
      },
      spec: {
        ports: [{ port: service.port, name: service.portName }],
        selector: { app: service.name, version: version.name },
      },
    })]));
  }
}
