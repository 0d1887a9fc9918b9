import { annotationBytes, MAX_ANNOTATION_BYTES } from './object-size';
import { RuleOutput } from './rule-context';
import { show } from '../diagnostics/problems';
import { ChainModel } from '../model/chain-model';

/**
 * The pod annotations of each version, merged from every level, stay within the 256 KiB the
 * API server allows for all the annotations of an object (keys and values, in UTF-8 bytes).
 */
export function checkAnnotationSize(chain: ChainModel, out: RuleOutput): void {
  chain.services.forEach((service, i) => {
    for (const version of service.versions) {
      const size = annotationBytes(version.annotations);
      if (size <= MAX_ANNOTATION_BYTES) continue;
      out.problems.add(['services', i, 'versions', version.name, 'annotations'], `of ${show(version.deploymentName)}, merged from every level, `
        + `come to ${size} bytes, more than the ${MAX_ANNOTATION_BYTES} bytes (256 KiB) Kubernetes allows for an object's annotations; `
        + 'shorten or remove some');
    }
  });
}
