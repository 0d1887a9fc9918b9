import { LoadedManifest } from './load';
import { asLabels, asRecord, kindOf, namespaceOf, specOf } from './loaded-objects';

/** The labels the pods of one workload carry, and the namespace they run in. */
export interface PodLabels {
  /** The namespace of the workload. */
  readonly namespace: string;
  /** The labels of its pods: the pod template's, or a Pod's own. */
  readonly labels: Record<string, string>;
}

/** Kinds whose pods are made from `spec.template`. */
const TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job']);

/**
 * The pod labels of every workload among the manifests: Deployments, StatefulSets,
 * DaemonSets, ReplicaSets, ReplicationControllers and Jobs (`spec.template`), CronJobs
 * (`spec.jobTemplate.spec.template`) and bare Pods.
 */
export function podLabels(manifests: readonly LoadedManifest[]): PodLabels[] {
  const found: PodLabels[] = [];
  for (const manifest of manifests) {
    const kind = kindOf(manifest);
    let labels: unknown;
    if (TEMPLATE_KINDS.has(kind)) labels = asRecord(asRecord(specOf(manifest).template)?.metadata)?.labels;
    else if (kind === 'CronJob') labels = asRecord(asRecord(asRecord(asRecord(specOf(manifest).jobTemplate)?.spec)?.template)?.metadata)?.labels;
    else if (kind === 'Pod') labels = asRecord(manifest.object.metadata)?.labels;
    else continue;
    found.push({ namespace: namespaceOf(manifest), labels: asLabels(labels) });
  }
  return found;
}
