import { ApiObject, ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';

/**
 * Writes a core Kubernetes object as a plain cdk8s `ApiObject`, type-checked against the
 * `kubernetes-types` interface given as `T` (`Deployment`, `Service`, ...), with `apiVersion`
 * and `kind` required. Those interfaces are types only, so the library loads no generated
 * Kubernetes bindings at run time. `undefined` fields are left out, as in every `ApiObject`.
 * @internal
 */
export function kubeObject<T extends { metadata?: object }>(
  scope: Construct, id: string, manifest: T & { apiVersion: string; kind: string },
): ApiObject {
  const { apiVersion, kind, metadata, ...rest } = manifest;
  return new ApiObject(scope, id, { apiVersion, kind, metadata: metadata as ApiObjectMetadata | undefined, ...rest });
}
