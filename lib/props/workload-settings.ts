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
  /** Variable value; placeholders are filled in per Deployment. */
  readonly value: string;
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
}
