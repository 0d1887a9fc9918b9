/**
 * The names of the files the layouts write beside the per-version files (`<version>.yaml`).
 * A version may not take one of them, or its file and the layout's would be one file.
 */
export const LAYOUT_FILE_NAMES = {
  /** The Namespace, first, in the per-version layout (`createNamespace`). */
  namespace: '00-namespace',
  /** Every Service, in the gitops layout. */
  services: 'services',
  /** The Gateways, DestinationRules and VirtualServices, in both layouts. */
  routing: 'routing',
  /** The kustomization listing the files, in the gitops layout. */
  kustomization: 'kustomization',
} as const;

/** Version names the layouts refuse, because a layout file already has the name. */
export const RESERVED_VERSION_NAMES: readonly string[] = Object.values(LAYOUT_FILE_NAMES);
