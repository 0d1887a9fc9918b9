import { ApiObject } from 'cdk8s';
// The k8s bindings cdk8s-plus-27 exports as `k8s`, without loading its constructs.
import * as k8s from 'cdk8s-plus-27/lib/imports/k8s';
import { Construct } from 'constructs';
import { ServiceModel, VersionModel } from '../model/chain-model';

/** Props of {@link ServiceWorkloads}. */
export interface ServiceWorkloadsProps {
  /** The resolved service. */
  readonly service: ServiceModel;
  /**
   * Namespace written into the objects.
   * @default - none
   */
  readonly namespace?: string;
  /**
   * Whether to write a Deployment per version; without them, the pods come from elsewhere.
   * @default true
   */
  readonly deployments?: boolean;
}

/**
 * The Kubernetes side of one service: a Service selecting every version by `app`,
 * and a Deployment per version labelled `app` + `version`.
 */
export class ServiceWorkloads extends Construct {
  /** The Service, selecting the pods of every version. */
  public readonly service: ApiObject;
  /** The Deployments, by version name, in version order. */
  public readonly deployments: Map<string, ApiObject>;

  constructor(scope: Construct, id: string, props: ServiceWorkloadsProps) {
    super(scope, id);
    const { service, namespace } = props;
    this.service = new k8s.KubeService(this, 'Service', {
      metadata: { name: service.name, namespace, labels: { app: service.name, service: service.name } },
      spec: {
        ports: [{ port: service.port, name: service.portName }],
        selector: { app: service.name },
      },
    });
    const versions = props.deployments ?? true ? service.versions : [];
    this.deployments = new Map(versions.map(version => [version.name, deployment(this, service, version, namespace)]));
  }
}

function deployment(scope: Construct, service: ServiceModel, version: VersionModel, namespace?: string): ApiObject {
  const selector = { app: service.name, version: version.name };
  const labels = { ...version.labels, ...selector };
  return new k8s.KubeDeployment(scope, `Deployment-${version.name}`, {
    metadata: { name: version.deploymentName, namespace, labels },
    spec: {
      replicas: version.replicas,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels, annotations: nonEmpty(version.annotations) },
        spec: {
          imagePullSecrets: version.imagePullSecrets.length > 0
            ? version.imagePullSecrets.map(name => ({ name }))
            : undefined,
          containers: [{
            name: version.containerName,
            image: version.image,
            imagePullPolicy: version.imagePullPolicy,
            env: version.env.length > 0 ? version.env : undefined,
            ports: [{ containerPort: service.port }],
            resources: version.resources && {
              requests: quantities(version.resources.requests),
              limits: quantities(version.resources.limits),
            },
          }],
        },
      },
    },
  });
}

function nonEmpty(map: Record<string, string>): Record<string, string> | undefined {
  return Object.keys(map).length > 0 ? map : undefined;
}

function quantities(values?: { cpu?: string; memory?: string }): Record<string, k8s.Quantity> | undefined {
  if (!values) return undefined;
  const entries = Object.entries(values).filter(([, value]) => value !== undefined);
  return entries.length > 0
    ? Object.fromEntries(entries.map(([key, value]) => [key, k8s.Quantity.fromString(value!)]))
    : undefined;
}
