import type { EnvVar as KubeEnvVar, PodSecurityContext, Probe, SecurityContext, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { EnvVar, ProbeSettings, SecurityProfile, TopologySpreadSettings } from '../props/workload-settings';

/*
 * The pod and container fields of a version's workload settings, as Kubernetes writes them.
 * Each returns `undefined` when the setting is not set, so that nothing is written for it.
 */

/** An environment variable: a value, or a key of a Secret or ConfigMap. */
export function kubeEnvVar(variable: EnvVar): KubeEnvVar {
  if (variable.secretKeyRef) return { name: variable.name, valueFrom: { secretKeyRef: variable.secretKeyRef } };
  if (variable.configMapKeyRef) return { name: variable.name, valueFrom: { configMapKeyRef: variable.configMapKeyRef } };
  return { name: variable.name, value: variable.value };
}

/** A probe; its port defaults to the container's. */
export function kubeProbe(probe: ProbeSettings | undefined, containerPort: number): Probe | undefined {
  if (!probe) return undefined;
  return {
    httpGet: probe.httpGet && { path: probe.httpGet.path, port: probe.httpGet.port ?? containerPort },
    tcpSocket: probe.tcpSocket && { port: probe.tcpSocket.port ?? containerPort },
    exec: probe.exec && { command: probe.exec.command },
    initialDelaySeconds: probe.initialDelaySeconds,
    periodSeconds: probe.periodSeconds,
    timeoutSeconds: probe.timeoutSeconds,
    failureThreshold: probe.failureThreshold,
  };
}

/** The pod's part of a security profile: non-root and seccomp `RuntimeDefault`. */
export function podSecurityContext(profile: SecurityProfile): PodSecurityContext | undefined {
  if (profile !== SecurityProfile.RESTRICTED) return undefined;
  return { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } };
}

/** The container's part of a security profile: no escalation, read-only root filesystem, every capability dropped. */
export function containerSecurityContext(profile: SecurityProfile): SecurityContext | undefined {
  if (profile !== SecurityProfile.RESTRICTED) return undefined;
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
  };
}

/** Topology spread constraints, each counting the pods of the version (`selector`). */
export function topologySpreadConstraints(
  spreads: readonly TopologySpreadSettings[], selector: Record<string, string>,
): TopologySpreadConstraint[] | undefined {
  if (spreads.length === 0) return undefined;
  return spreads.map(spread => ({
    maxSkew: spread.maxSkew ?? 1,
    topologyKey: spread.topologyKey ?? 'topology.kubernetes.io/zone',
    whenUnsatisfiable: spread.whenUnsatisfiable ?? 'ScheduleAnyway',
    labelSelector: { matchLabels: selector },
  }));
}

