/* Small builders for hand-made manifests, as plain objects like those parsed from YAML. */

export function deployment(name: string, labels: Record<string, string>, opts: { replicas?: number; namespace?: string } = {}): unknown {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, ...(opts.namespace ? { namespace: opts.namespace } : {}), labels },
    spec: {
      ...(opts.replicas === undefined ? {} : { replicas: opts.replicas }),
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'main', image: 'x' }] } },
    },
  };
}

/** Deployment `<app>-<version>` labelled app+version. */
export function versioned(appName: string, version: string, opts: { replicas?: number; namespace?: string } = {}): unknown {
  return deployment(`${appName}-${version}`, { app: appName, version }, opts);
}

export function service(name: string, opts: { namespace?: string; selector?: Record<string, string> } = {}): unknown {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(opts.namespace ? { namespace: opts.namespace } : {}) },
    spec: { selector: opts.selector ?? { app: name }, ports: [{ name: 'http', port: 8000 }] },
  };
}

export function destinationRule(name: string, host: string, versions: string[], namespace?: string): unknown {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'DestinationRule',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: { host, subsets: versions.map(v => ({ name: v, labels: { version: v } })) },
  };
}

export function virtualService(name: string, spec: Record<string, unknown>, namespace?: string): unknown {
  return {
    apiVersion: 'networking.istio.io/v1beta1',
    kind: 'VirtualService',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec,
  };
}

/** A Service, its DestinationRule and one Deployment per version. */
export function app(name: string, versions: string[], namespace?: string): unknown[] {
  return [
    service(name, { namespace }),
    destinationRule(`dr-${name}`, name, versions, namespace),
    ...versions.map(v => versioned(name, v, { namespace })),
  ];
}
