/**
 * An environment variable of the application container.
 *
 * The value may use placeholders, filled in for each Deployment:
 * `{service}` (the service name), `{version}` (the version name) and
 * `{namespace}` (the target namespace, or `default`).
 */
export interface EnvVar {
  /** Variable name. */
  readonly name: string;
  /**
   * Variable value; placeholders are filled in per Deployment.
   * Set exactly one of `value`, `secretKeyRef` or `configMapKeyRef`.
   * @default - none; set this, `secretKeyRef` or `configMapKeyRef`
   */
  readonly value?: string;
  /**
   * The value is read from a key of a Secret.
   * @default - none; set this, `value` or `configMapKeyRef`
   */
  readonly secretKeyRef?: KeyRef;
  /**
   * The value is read from a key of a ConfigMap.
   * @default - none; set this, `value` or `secretKeyRef`
   */
  readonly configMapKeyRef?: KeyRef;
}

/** A key of a Secret or ConfigMap in the chain's namespace. */
export interface KeyRef {
  /** Name of the Secret or ConfigMap. */
  readonly name: string;
  /** The key whose value is used. */
  readonly key: string;
  /**
   * Whether the pod starts when the object or the key is missing.
   * @default - not written; Kubernetes' (false: the pod does not start)
   */
  readonly optional?: boolean;
}

/**
 * CPU and memory requests and limits of the application container,
 * as Kubernetes quantities (`250m`, `128Mi`).
 *
 * @see https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
 */
export interface ResourceSettings {
  /** @default - no requests */
  readonly requests?: { readonly cpu?: string; readonly memory?: string };
  /** @default - no limits */
  readonly limits?: { readonly cpu?: string; readonly memory?: string };
}

/** When the kubelet pulls the container image. */
export enum ImagePullPolicy {
  /** Pull on every start. */
  ALWAYS = 'Always',
  /** Pull only when the image is not on the node. */
  IF_NOT_PRESENT = 'IfNotPresent',
  /** Never pull. */
  NEVER = 'Never',
}

/**
 * A readiness or liveness probe of the application container. Set exactly one of `httpGet`,
 * `tcpSocket` or `exec`.
 * @see https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
 */
export interface ProbeSettings {
  /**
   * An HTTP GET that must answer 200-399.
   * @default - none
   */
  readonly httpGet?: {
    /** Path asked for, starting with `/`. */
    readonly path: string;
    /**
     * Port asked; the container's port, the only one it declares.
     * @default - the service's port
     * @asType integer
     */
    readonly port?: number;
  };
  /**
   * A TCP connection that must open.
   * @default - none
   */
  readonly tcpSocket?: {
    /**
     * Port connected to; the container's port.
     * @default - the service's port
     * @asType integer
     */
    readonly port?: number;
  };
  /**
   * A command run in the container that must exit 0.
   * @default - none
   */
  readonly exec?: {
    /**
     * The command and its arguments.
     * @minItems 1
     */
    readonly command: string[];
  };
  /**
   * Seconds after the start before the first probe.
   * @default - Kubernetes' (0)
   * @asType integer
   * @minimum 0
   * @maximum 2147483647
   */
  readonly initialDelaySeconds?: number;
  /**
   * Seconds between probes.
   * @default - Kubernetes' (10)
   * @asType integer
   * @minimum 1
   * @maximum 2147483647
   */
  readonly periodSeconds?: number;
  /**
   * Seconds after which a probe fails.
   * @default - Kubernetes' (1)
   * @asType integer
   * @minimum 1
   * @maximum 2147483647
   */
  readonly timeoutSeconds?: number;
  /**
   * Failed probes in a row that count as a failure.
   * @default - Kubernetes' (3)
   * @asType integer
   * @minimum 1
   * @maximum 2147483647
   */
  readonly failureThreshold?: number;
}

/** A security profile of the pods. */
export enum SecurityProfile {
  /**
   * Run as non-root, read-only root filesystem, no privilege escalation, all capabilities
   * dropped, seccomp `RuntimeDefault`: Kubernetes' `restricted` Pod Security Standard.
   */
  RESTRICTED = 'restricted',
  /** No security context written: turns a profile set at a wider level off. */
  NONE = 'none',
}

/**
 * A PodDisruptionBudget for the pods of a version. Set exactly one of `minAvailable` or `maxUnavailable`.
 * @see https://kubernetes.io/docs/tasks/run-application/configure-pdb/
 */
export interface DisruptionBudgetSettings {
  /**
   * Pods that must stay up during a voluntary disruption (a count, or a percentage like `50%`).
   * @default - none; set this or `maxUnavailable`
   */
  readonly minAvailable?: number | string;
  /**
   * Pods that may be down during a voluntary disruption (a count, or a percentage like `25%`).
   * @default - none; set this or `minAvailable`
   */
  readonly maxUnavailable?: number | string;
}

/**
 * A HorizontalPodAutoscaler (`autoscaling/v2`) for the Deployment of a version. The Deployment
 * then writes no `replicas`, so that applying it again does not reset the autoscaler's count.
 * @see https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/
 */
export interface AutoscalingSettings {
  /**
   * Fewest pods.
   * @default 1
   * @asType integer
   * @minimum 1
   * @maximum 2147483647
   */
  readonly minReplicas?: number;
  /**
   * Most pods.
   * @asType integer
   * @minimum 1
   * @maximum 2147483647
   */
  readonly maxReplicas: number;
  /**
   * Average CPU use, in percent of the CPU request, the autoscaler keeps pods at.
   * @default 80
   * @asType integer
   * @minimum 1
   * @maximum 1000
   */
  readonly cpuUtilization?: number;
}

/**
 * How the pods of a version spread over a topology domain (zones, nodes).
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/
 */
export interface TopologySpreadSettings {
  /**
   * The node label whose values are the domains.
   * @default 'topology.kubernetes.io/zone'
   */
  readonly topologyKey?: string;
  /**
   * Largest difference of pod counts between two domains.
   * @default 1
   * @asType integer
   * @minimum 1
   * @maximum 2147483647
   */
  readonly maxSkew?: number;
  /**
   * Whether pods that would break the spread are still scheduled.
   * @default 'ScheduleAnyway'
   */
  readonly whenUnsatisfiable?: 'ScheduleAnyway' | 'DoNotSchedule';
}

/**
 * Settings of the workload of a version: its Deployment, pod and container.
 *
 * They can be set for the whole chain (`defaults`), per service and per version;
 * the most specific wins. `env`, `labels` and `annotations` merge by name.
 */
export interface WorkloadSettings {
  /**
   * Container image.
   * @default - none; every version must get an image from one of the levels
   */
  readonly image?: string;
  /**
   * Pull policy of the image.
   * @default - not written; Kubernetes decides from the tag
   */
  readonly imagePullPolicy?: ImagePullPolicy;
  /**
   * Names of the Secrets used to pull the image.
   * @default - none
   */
  readonly imagePullSecrets?: string[];
  /**
   * Environment variables of the container, in order. A name set again at a more
   * specific level replaces the value in place.
   * @default - none
   */
  readonly env?: EnvVar[];
  /**
   * Number of pods of the Deployment.
   * @default 1
   * @asType integer
   * @minimum 0
   * @maximum 2147483647
   */
  readonly replicas?: number;
  /**
   * Extra labels of the Deployment and its pods. `app` and `version` are always set.
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * Annotations of the pods (for example `sidecar.istio.io/proxyCPU`).
   * @default - none
   */
  readonly annotations?: Record<string, string>;
  /**
   * CPU and memory of the container.
   * @default - none
   */
  readonly resources?: ResourceSettings;
  /**
   * Name of the application container.
   * @default - the service name
   */
  readonly containerName?: string;
  /**
   * Readiness probe of the application container.
   * @default - none
   */
  readonly readinessProbe?: ProbeSettings;
  /**
   * Liveness probe of the application container.
   * @default - none
   */
  readonly livenessProbe?: ProbeSettings;
  /**
   * Security profile of the pods and the application container. Set `restricted` on `defaults`
   * and `none` on a version that cannot run with it.
   * @default SecurityProfile.NONE
   */
  readonly securityProfile?: SecurityProfile;
  /**
   * A PodDisruptionBudget `<service>-<version>` per version. Needs the chain to write the Deployments.
   * @default - none
   */
  readonly disruptionBudget?: DisruptionBudgetSettings;
  /**
   * A HorizontalPodAutoscaler `<service>-<version>` per version. Needs the chain to write the Deployments.
   * @default - none; the Deployment runs `replicas` pods
   */
  readonly autoscaling?: AutoscalingSettings;
  /**
   * Topology spread constraints of the pods, each selecting the pods of the version.
   * @default - none
   * @maxItems 10
   */
  readonly topologySpread?: TopologySpreadSettings[];
}
