/** One generated manifest file: its name and YAML text. */
export interface ManifestFile {
  readonly name: string;
  readonly text: string;
}

/** How many ConfigMaps every generated file repeats word for word, as copies of one set applied from several places. */
const SHARED_COPIES = 500;

function configMap(name: string, namespace?: string): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}${namespace === undefined ? '' : `, namespace: ${namespace}`}}\n`;
}

function service(name: string, namespace: string): string {
  return `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec: {selector: {app: ${name}}}\n`;
}

function virtualService(name: string, namespace: string): string {
  return `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs-${name}, namespace: ${namespace}}\n`
    + `spec: {hosts: [${name}], http: [{route: [{destination: {host: ${name}}}]}]}\n`;
}

/**
 * The document at a position: mostly small ConfigMaps (half of them in the default
 * namespace), every 10th a Service, every 50th a VirtualService.
 */
function document(position: number): string {
  const namespace = `ns-${position % 50}`;
  if (position % 50 === 0) return virtualService(`s${position}`, namespace);
  if (position % 10 === 0) return service(`s${position}`, namespace);
  return configMap(`c${position}`, position % 2 === 0 ? namespace : undefined);
}

/**
 * `documents` small manifests spread over `files` YAML files, as a validate benchmark: about
 * 75 bytes a document on average, valid and free of conflicts (so `validate` exits 0), with
 * the same {@link SHARED_COPIES} ConfigMaps repeated in every file so that the duplicate check
 * compares many identical copies.
 */
export function generateManifestFiles(documents: number, files: number): ManifestFile[] {
  if (!Number.isInteger(documents) || !Number.isInteger(files) || files < 1 || documents < files * SHARED_COPIES) {
    throw new Error(`need whole numbers, at least one file and ${SHARED_COPIES} documents per file, not ${documents} documents in ${files} files`);
  }
  const shared = Array.from({ length: SHARED_COPIES }, (_, i) => configMap(`shared-${i}`, 'shared'));
  const result: ManifestFile[] = [];
  let next = 0;
  for (let file = 0; file < files; file++) {
    const count = Math.floor(documents / files) + (file < documents % files ? 1 : 0) - SHARED_COPIES;
    const own = Array.from({ length: count }, () => document(next++));
    result.push({ name: `manifests-${file}.yaml`, text: [...shared, ...own].join('---\n') });
  }
  return result;
}
