import { checkName, DNS_1035_LABEL, DNS_1123_LABEL, DNS_1123_SUBDOMAIN, VERSION_NAME } from './name-syntax';
import { ChainContext, RuleOutput } from './rule-context';
import { show } from '../diagnostics/problems';
import { rootNamespaceOf } from '../model/defaults';
import { defaultRootName, deploymentName, virtualServiceName } from '../model/naming';

/**
 * Names the library builds from the props must be valid and must not collide:
 * - a Deployment is named `<service>-<version>`, which must be a DNS-1123 subdomain (a version
 *   such as `V1` or `v1_0` is a fine label value but makes an invalid Deployment name), and two
 *   services must not build the same name (`a-b` + `c` and `a` + `b-c` both give `a-b-c`);
 * - a version also names a subset of the service's DestinationRule, which Istio requires to be
 *   a DNS-1123 label: `v1.2` is a valid label value and Deployment name, but not a subset name;
 * - the root VirtualService (`entry.rootName`) must be a DNS-1123 subdomain and must not take the
 *   name `vs-<service>` of a service's VirtualService in the same namespace.
 * Names already reported as invalid parts are not checked again here.
 */
export function checkObjectNames(chain: ChainContext, out: RuleOutput): void {
  const { problems } = out;
  const deployments = new Map<string, string>();
  chain.services.forEach((service, i) => {
    if (DNS_1035_LABEL.fault(service.name) !== undefined) return;
    for (const version of Object.keys(service.versions)) {
      if (VERSION_NAME.fault(version) !== undefined) continue;
      const name = deploymentName(service.name, version);
      const path = ['services', i, 'versions', version];
      // A valid service name and a version that is a DNS-1123 label always make a valid
      // Deployment name, so only a version that is no subset name can make a bad one.
      const subsetFault = DNS_1123_LABEL.fault(version);
      if (subsetFault !== undefined) {
        const deploymentFault = DNS_1123_SUBDOMAIN.fault(name);
        const made = [
          ...(deploymentFault !== undefined ? [`the Deployment name ${show(name)}, which is not a valid DNS-1123 subdomain (it ${deploymentFault})`] : []),
          `the DestinationRule subset name ${show(version)}, which Istio requires to be a DNS-1123 label (it ${subsetFault})`,
        ];
        // A valid label value lowercased, with '_' and '.' made '-', is a DNS-1123 label: there is always a suggestion.
        problems.add(path, `makes ${made.join(' and ')}; use a version name of lowercase letters, digits and '-', `
          + `such as ${show(DNS_1123_LABEL.suggest(version))}`);
        continue;
      }
      const owner = deployments.get(name);
      if (owner !== undefined && owner !== service.name) {
        problems.add(path, `makes the Deployment name ${show(name)}, which service ${show(owner)} also makes; `
          + 'rename the service or the version so that `<service>-<version>` differs');
      }
      deployments.set(name, service.name);
    }
  });

  const entry = chain.entry;
  const rootName = entry.rootName ?? defaultRootName(entry.service);
  if (entry.rootName !== undefined && !checkName(problems, ['entry', 'rootName'], entry.rootName, DNS_1123_SUBDOMAIN, 'VirtualService name')) return;
  const rootNamespace = rootNamespaceOf(entry, undefined) ?? chain.namespace;
  if (rootNamespace !== chain.namespace) return;
  const clash = chain.services.find(service => virtualServiceName(service.name) === rootName);
  if (clash) {
    problems.add(['entry', 'rootName'], `${show(rootName)} is also the name of the VirtualService of service ${show(clash.name)} `
      + `in namespace ${show(rootNamespace)}; set \`entry.rootName\` to another name`);
  }
}
