import { formatPath, PathSegment, Problems, show } from '../diagnostics/problems';

/** The largest object etcd stores by default (`--max-request-bytes`), so the largest the API server accepts. */
export const MAX_OBJECT_BYTES = 1572864;

/**
 * The largest annotations of an object, all keys and values together, as the API server counts
 * them. Client-side `kubectl apply` copies the whole object into one annotation
 * (`kubectl.kubernetes.io/last-applied-configuration`), so objects above it need `--server-side`.
 */
export const MAX_ANNOTATION_BYTES = 262144;

/** Shows a size in bytes as people read it. */
function showBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(2)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

/** The size of annotations as the API server counts it: the UTF-8 bytes of every key and value. */
export function annotationBytes(annotations: Record<string, string>): number {
  let total = 0;
  for (const [key, value] of Object.entries(annotations)) total += Buffer.byteLength(key) + Buffer.byteLength(value);
  return total;
}

/** A written object, rendered, with the props path that decides its content. */
export interface RenderedObject {
  readonly kind: string;
  readonly name: string;
  /** The object as written (its JSON form). */
  readonly json: unknown;
  /** Where in the props its content comes from. */
  readonly path: PathSegment[];
}

/**
 * The size of each rendered object, measured as JSON: over {@link MAX_OBJECT_BYTES} the API
 * server refuses it (a problem); over {@link MAX_ANNOTATION_BYTES} client-side `kubectl apply`
 * fails on its last-applied annotation (a warning: `--server-side` applies it). Both name the
 * props path the object's content comes from.
 */
export function checkObjectSizes(objects: readonly RenderedObject[], problems: Problems, warnings: string[]): void {
  for (const object of objects) {
    const size = Buffer.byteLength(JSON.stringify(object.json));
    if (size <= MAX_ANNOTATION_BYTES) continue;
    if (size > MAX_OBJECT_BYTES) {
      problems.add(object.path, `makes the ${object.kind} ${show(object.name)} ${showBytes(size)} long, more than the ${showBytes(MAX_OBJECT_BYTES)} `
        + 'the Kubernetes API server stores; '
        + 'make it smaller (fewer or shorter header routes, environment values or annotations)');
    } else {
      warnings.push(`${formatPath(object.path)}: ${object.kind} ${show(object.name)} is ${showBytes(size)}: client-side \`kubectl apply\` keeps a copy of it in an annotation `
        + `limited to ${showBytes(MAX_ANNOTATION_BYTES)}, and fails; apply it with \`kubectl apply --server-side\`, or make it smaller`);
    }
  }
}
