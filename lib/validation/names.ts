import { checkName, DNS_1035_LABEL, DNS_1123_LABEL, DNS_1123_SUBDOMAIN, LABEL_KEY, LABEL_VALUE, VERSION_NAME } from './name-syntax';
import { ChainContext, RuleOutput, settingsLevels } from './rule-context';
import { PathSegment, Problems, show } from '../diagnostics/problems';

/** Labels the library sets on every Deployment and pod; a value given for them would be overwritten. */
const RESERVED_LABELS = ['app', 'version'];

/**
 * Names that end up in Kubernetes objects must follow Kubernetes' syntax, or `kubectl apply`
 * fails late and far from the props: service names (DNS-1035 labels), version names (label
 * values, never empty), container names (DNS-1123 labels), label and annotation keys, label
 * values, Secret names (DNS-1123 subdomains) and environment variable names.
 */
export function checkNames(chain: ChainContext, out: RuleOutput): void {
  const { problems } = out;
  chain.services.forEach((service, i) => {
    checkName(problems, ['services', i, 'name'], service.name, DNS_1035_LABEL, 'service name');
    for (const version of Object.keys(service.versions)) {
      checkName(problems, ['services', i, 'versions', version], version, VERSION_NAME, 'version name (it is the `version` label)');
    }
  });
  for (const { path, settings } of settingsLevels(chain)) {
    if (settings.containerName !== undefined) {
      checkName(problems, [...path, 'containerName'], settings.containerName, DNS_1123_LABEL, 'container name');
    }
    (settings.imagePullSecrets ?? []).forEach((secret, j) => {
      checkName(problems, [...path, 'imagePullSecrets', j], secret, DNS_1123_SUBDOMAIN, 'Secret name');
    });
    (settings.env ?? []).forEach((variable, j) => checkEnvName(problems, [...path, 'env', j, 'name'], variable.name));
    checkLabels(problems, [...path, 'labels'], settings.labels ?? {}, true);
    checkAnnotationKeys(problems, [...path, 'annotations'], settings.annotations ?? {});
  }
  const upstream = chain.props.defaults?.upstreamUrlEnv;
  if (upstream !== undefined) checkEnvName(problems, ['defaults', 'upstreamUrlEnv'], upstream);
  // Stryker disable next-line ArrayDeclaration: an entry that creates no gateways has nothing to check, and a gateway that is not an object sets no field
  (chain.entry.createGateways ?? []).forEach((gateway, i) => {
    checkLabels(problems, ['entry', 'createGateways', i, 'selector'], gateway.selector ?? {}, false);
    if (gateway.credentialName !== undefined) {
      checkName(problems, ['entry', 'createGateways', i, 'credentialName'], gateway.credentialName, DNS_1123_SUBDOMAIN, 'Secret name');
    }
  });
}

/**
 * Environment variable names: Kubernetes takes any printable text but '=', which would
 * split the name; an empty name is refused.
 */
function checkEnvName(problems: Problems, path: PathSegment[], name: string): void {
  if (name.trim() === '') {
    problems.add(path, `${show(name)} is not a valid environment variable name: it is empty or blank; give the variable a name, such as "LOG_LEVEL"`);
  } else if (name.includes('=') || /[^\x20-\x7e]/.test(name)) {
    problems.add(path, `${show(name)} is not a valid environment variable name: it contains '=' or a character that is not printable ASCII; `
      + 'use letters, digits and \'_\', such as "LOG_LEVEL"');
  }
}

/** Label keys and values; on workloads, the keys the library sets itself are refused. */
function checkLabels(problems: Problems, path: PathSegment[], labels: Record<string, string>, workload: boolean): void {
  for (const [key, value] of Object.entries(labels)) {
    if (workload && RESERVED_LABELS.includes(key)) {
      problems.add([...path, key], `${show(key)} is set by the library (the ${key === 'app' ? 'service' : 'version'} name) `
        + 'and routing depends on it; remove it from `labels`');
      continue;
    }
    if (checkName(problems, [...path, key], key, LABEL_KEY, 'label key')) {
      checkName(problems, [...path, key], value, LABEL_VALUE, `value for label ${show(key)}`);
    }
  }
}

/** Annotation keys follow the label key syntax; their values are free text. */
function checkAnnotationKeys(problems: Problems, path: PathSegment[], annotations: Record<string, string>): void {
  for (const key of Object.keys(annotations)) checkName(problems, [...path, key], key, LABEL_KEY, 'annotation key');
}
