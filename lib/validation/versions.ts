import { ChainContext, RuleOutput, settingsLevels } from './rule-context';
import { show } from '../diagnostics/problems';
import { writesDeployments } from '../model/defaults';
import { RESERVED_VERSION_NAMES } from '../model/layout-files';

/**
 * Every service has versions, its `baseline` is one of them, no version takes the name of
 * a file the layouts write (`routing`, `services`...: its `<version>.yaml` would be that
 * file), and, when the chain writes the Deployments, every version gets a container image
 * from the version, the service or `defaults`. Image references are refused when empty,
 * when they hold whitespace or when they start with a URL scheme (`https://`), which no
 * registry accepts.
 */
export function checkVersions(chain: ChainContext, out: RuleOutput): void {
  const { problems } = out;
  const defaultImage = chain.props.defaults?.image;
  const needsImages = writesDeployments(chain.props);
  chain.services.forEach((service, i) => {
    const versions = Object.keys(service.versions);
    if (versions.length === 0) {
      problems.add(['services', i, 'versions'], `of service ${show(service.name)} is empty; add at least one version, for example \`v1: {}\``);
    }
    if (service.baseline !== undefined && !versions.includes(service.baseline)) {
      problems.add(['services', i, 'baseline'], `${show(service.baseline)} is not a version of ${show(service.name)}; `
        + (versions.length > 0 ? `use one of ${show(versions)}` : 'add it to `versions`'));
    }
    for (const version of versions.filter(name => RESERVED_VERSION_NAMES.includes(name))) {
      problems.add(['services', i, 'versions', version],
        `${show(version)} is the name of a file the output layouts write (${version}.yaml), so the version's file and that one would collide; `
        + `rename the version, for example to "v2". Reserved: ${RESERVED_VERSION_NAMES.join(', ')}`);
    }
    for (const version of versions) {
      if (needsImages && (service.versions[version].image ?? service.image ?? defaultImage) === undefined) {
        problems.add(['services', i, 'versions', version, 'image'],
          `is missing for ${show(`${service.name}-${version}`)}; set \`image\` on the version, the service or \`defaults\``);
      }
    }
  });
  for (const { path, settings } of settingsLevels(chain)) {
    const image = settings.image;
    if (image === undefined) continue;
    if (image.trim() === '') {
      problems.add([...path, 'image'], `${show(image)} is empty; give an image reference such as "registry.example.com/shop/cart:1.4.2"`);
    } else if (/\s/.test(image)) {
      problems.add([...path, 'image'], `${show(image)} contains whitespace, which no image reference holds; remove it`);
    } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(image)) {
      // Stryker disable next-line Regex: the test above matched a scheme at the start, and the leftmost match is that one
      const bare = image.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
      problems.add([...path, 'image'], `${show(image)} starts with a URL scheme, which image references never have (the kubelet `
        + `would fail to pull it); write ${show(bare)}`);
    }
  }
}
