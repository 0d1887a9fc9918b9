import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { kubeObject } from './kube-object';
import { VersionModel } from '../model/chain-model';

/** The CPU use an autoscaler keeps pods at when `cpuUtilization` is not set, in percent of the request. */
export const DEFAULT_CPU_UTILIZATION = 80;

/** The PodDisruptionBudget `<service>-<version>` of a version, selecting its pods; none unless asked for. */
export function disruptionBudget(
  scope: Construct, version: VersionModel, selector: Record<string, string>, namespace?: string,
): ApiObject | undefined {
  const budget = version.disruptionBudget;
  if (!budget) return undefined;
  return kubeObject<PodDisruptionBudget>(scope, `DisruptionBudget-${version.name}`, {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: version.deploymentName, namespace, labels: selector },
    spec: { minAvailable: budget.minAvailable, maxUnavailable: budget.maxUnavailable, selector: { matchLabels: selector } },
  });
}

/** The HorizontalPodAutoscaler `<service>-<version>` (`autoscaling/v2`) of a version's Deployment; none unless asked for. */
export function autoscaler(
  scope: Construct, version: VersionModel, labels: Record<string, string>, namespace?: string,
): ApiObject | undefined {
  const scaling = version.autoscaling;
  if (!scaling) return undefined;
  return kubeObject<HorizontalPodAutoscaler>(scope, `Autoscaler-${version.name}`, {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: version.deploymentName, namespace, labels },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: version.deploymentName },
      minReplicas: scaling.minReplicas ?? 1,
      maxReplicas: scaling.maxReplicas,
      metrics: [{
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: scaling.cpuUtilization ?? DEFAULT_CPU_UTILIZATION } },
      }],
    },
  });
}
