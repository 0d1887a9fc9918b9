import { checkDestinationRule } from './destination-rule';
import { checkGateway } from './gateway';
import { Refusals } from './report';
import { checkVirtualService } from './virtual-service';
import { passesCrdSchema } from '../crd-schema';
import { Finding } from '../findings';
import { LoadedManifest } from '../load';
import { findingAbout, isIstio, nameOf, namespaceOf, specOf } from '../loaded-objects';

/**
 * The rules Istio's validating webhook (pkg/config/validation in istio/istio) applies to
 * VirtualServices, DestinationRules and Gateways, as far as they concern routing: what
 * `kubectl apply` would be refused for, though the CRD schema lets it pass. Our own code,
 * written from the behaviour; each finding says where, what and how to fix it. As in the API
 * server, an object that fails its CRD schema never reaches the webhook: it is left to
 * `checkCrdSchemas`.
 */
export function checkIstioWebhookRules(manifests: readonly LoadedManifest[]): Finding[] {
  const findings: Finding[] = [];
  for (const manifest of manifests) {
    const refusals = new Refusals();
    if (!(isIstio(manifest, 'VirtualService') || isIstio(manifest, 'DestinationRule') || isIstio(manifest, 'Gateway')) || !passesCrdSchema(manifest)) continue;
    if (isIstio(manifest, 'VirtualService')) checkVirtualService(specOf(manifest), namespaceOf(manifest), refusals);
    else if (isIstio(manifest, 'DestinationRule')) checkDestinationRule(specOf(manifest), namespaceOf(manifest), refusals);
    else if (isIstio(manifest, 'Gateway')) checkGateway(nameOf(manifest), specOf(manifest), refusals);
    else continue;
    for (const message of refusals.messages) findings.push(findingAbout(manifest, message));
  }
  return findings;
}
