import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Service, ServiceAccount } from 'kubernetes-types/core/v1';
import { kubeObject } from './kube-object';
import {
  containerSecurityContext, kubeEnvVar, kubeProbe, podSecurityContext, topologySpreadConstraints,
} from './pod-settings';
import { autoscaler, disruptionBudget } from './version-scaling';
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
 * The Kubernetes side of one service: a Service selecting every version by `app`, its
 * ServiceAccount when asked for, and a Deployment per version labelled `app` + `version`,
 * with its PodDisruptionBudget and HorizontalPodAutoscaler when asked for.
 */
export class ServiceWorkloads extends Construct {
  /** The Service, selecting the pods of every version. */
  public readonly service: ApiObject;
  /** The ServiceAccount the pods run as, when the service has one. */
  public readonly serviceAccount?: ApiObject;
  /** The Deployments, by version name, in version order. */
  public readonly deployments: Map<string, ApiObject>;
  /** The PodDisruptionBudgets and HorizontalPodAutoscalers of each version that has them, by version name. */
  public readonly versionObjects: Map<string, ApiObject[]>;

  constructor(scope: Construct, id: string, props: ServiceWorkloadsProps) {
    super(scope, id);
    const { service, namespace } = props;
    this.service = kubeObject<Service>(this, 'Service', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: service.name, namespace, labels: { app: service.name, service: service.name } },
      spec: {
        ports: [{ port: service.port, name: service.portName }],
        selector: { app: service.name },
      },
    });
    if (service.serviceAccount) {
      this.serviceAccount = kubeObject<ServiceAccount>(this, 'ServiceAccount', {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: service.serviceAccount, namespace, labels: { app: service.name } },
      });
    }
    const versions = props.deployments ?? true ? service.versions : [];
    this.deployments = new Map(versions.map(version => [version.name, deployment(this, service, version, namespace)]));
    this.versionObjects = new Map(versions.map(version => {
      const selector = { app: service.name, version: version.name };
      const objects = [disruptionBudget(this, version, selector, namespace), autoscaler(this, version, selector, namespace)];
      return [version.name, objects.filter((object): object is ApiObject => object !== undefined)];
    }));
  }
}

function deployment(scope: Construct, service: ServiceModel, version: VersionModel, namespace?: string): ApiObject {
  const selector = { app: service.name, version: version.name };
  const labels = { ...version.labels, ...selector };
  return kubeObject<Deployment>(scope, `Deployment-${version.name}`, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: version.deploymentName, namespace, labels },
    spec: {
      // an autoscaler owns the count: a written one would reset it at every apply
      replicas: version.autoscaling ? undefined : version.replicas,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels, annotations: nonEmpty(version.annotations) },
        spec: {
          serviceAccountName: service.serviceAccount,
          securityContext: podSecurityContext(version.securityProfile),
          imagePullSecrets: version.imagePullSecrets.length > 0
            ? version.imagePullSecrets.map(name => ({ name }))
            : undefined,
          topologySpreadConstraints: topologySpreadConstraints(version.topologySpread, selector),
          containers: [{
            name: version.containerName,
            image: version.image,
            imagePullPolicy: version.imagePullPolicy,
            env: version.env.length > 0 ? version.env.map(kubeEnvVar) : undefined,
            ports: [{ containerPort: service.port }],
            resources: version.resources && {
              requests: quantities(version.resources.requests),
              limits: quantities(version.resources.limits),
            },
            readinessProbe: kubeProbe(version.readinessProbe, service.port),
            livenessProbe: kubeProbe(version.livenessProbe, service.port),
            securityContext: containerSecurityContext(version.securityProfile),
          }],
        },
      },
    },
  });
}

function nonEmpty(map: Record<string, string>): Record<string, string> | undefined {
  return Object.keys(map).length > 0 ? map : undefined;
}

function quantities(values?: { cpu?: string; memory?: string }): Record<string, string> | undefined {
  if (!values) return undefined;
  const entries = Object.entries(values).filter(([, value]) => value !== undefined);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
