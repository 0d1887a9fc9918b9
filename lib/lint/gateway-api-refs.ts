import { Finding } from './findings';
import { LoadedManifest } from './load';
import { asList, asRecord, asString, DEFAULT_NAMESPACE, findingAbout, nameOf, namespaceOf, specOf } from './loaded-objects';
import {
  backendRefsOf, GATEWAY_API_GROUP, isGatewayApi, isService, JsonObject, listenerAdmits, listenersOf, ObjectRef, parentRefsOf,
  referenceGranted, Referrer, refLabel, rulesOf, specOf as objectSpec,
} from '../manifests';

/**
 * Checks the references of Gateway API objects, among the manifests taken as one set:
 * - an HTTPRoute's parentRefs name a Gateway (with the listener `sectionName` names, if any,
 *   and a listener that admits routes from the route's namespace) or a Service (with the
 *   `port` named, if any) that is among the manifests;
 * - its backendRefs name a Service among the manifests, and one of that Service's ports;
 * - a backendRef into another namespace, and a Gateway's certificate in another namespace, need
 *   a ReferenceGrant in the target's namespace that lets the referring kind in (Gateway API
 *   ignores the reference otherwise). A parentRef to a Gateway in another namespace needs none:
 *   the Gateway's `allowedRoutes` decide.
 */
export function checkGatewayApiRefs(manifests: readonly LoadedManifest[]): Finding[] {
  const routes = manifests.filter(m => isGatewayApi(m.object, 'HTTPRoute'));
  const gateways = manifests.filter(m => isGatewayApi(m.object, 'Gateway'));
  if (routes.length === 0 && gateways.length === 0) return [];
  const byRef = (list: readonly LoadedManifest[]) => new Map(list.map(m => [`${namespaceOf(m)}/${nameOf(m)}`, m.object]));
  const gatewayByRef = byRef(gateways);
  const serviceByRef = byRef(manifests.filter(m => isService(m.object)));
  const grants = manifests.filter(m => isGatewayApi(m.object, 'ReferenceGrant')).map(m => m.object);
  const findings: Finding[] = [];

  for (const route of routes) {
    const routeNamespace = namespaceOf(route);
    parentRefsOf(route.object, routeNamespace).forEach((parent, i) => {
      const where = `spec.parentRefs[${i}]`;
      const key = `${parent.namespace}/${parent.name}`;
      if (parent.group === GATEWAY_API_GROUP && parent.kind === 'Gateway') {
        const gateway = gatewayByRef.get(key);
        if (gateway === undefined) findings.push(findingAbout(route, `${where}: ${refLabel(parent)} is not among the manifests`));
        else findings.push(...listenerFindings(route, where, parent, gateway, routeNamespace));
      } else if (parent.group === '' && parent.kind === 'Service') {
        const service = serviceByRef.get(key);
        if (service === undefined) {findings.push(findingAbout(route, `${where}: ${refLabel(parent)} is not among the manifests`));} else if (parent.port !== undefined && !servicePorts(service).includes(parent.port)) {
          findings.push(findingAbout(route, `${where}: ${refLabel(parent)} has no port ${parent.port} (its ports: ${servicePorts(service).join(', ') || 'none'})`));
        }
      }
    });
    rulesOf(route.object).forEach((rule, i) => {
      backendRefsOf(rule, routeNamespace).forEach((backend, j) => {
        const where = `spec.rules[${i}].backendRefs[${j}]`;
        if (backend.group !== '' || backend.kind !== 'Service') return;
        const service = serviceByRef.get(`${backend.namespace}/${backend.name}`);
        if (service === undefined) {
          findings.push(findingAbout(route, `${where}: ${refLabel(backend)} is not among the manifests`));
        } else if (backend.port !== undefined && !servicePorts(service).includes(backend.port)) {
          findings.push(findingAbout(route, `${where}: ${refLabel(backend)} has no port ${backend.port} (its ports: ${servicePorts(service).join(', ') || 'none'})`));
        }
        if (backend.namespace !== routeNamespace && !granted(grants, { group: GATEWAY_API_GROUP, kind: 'HTTPRoute', namespace: routeNamespace }, backend)) {
          findings.push(findingAbout(route, `${where}: ${refLabel(backend)} is in another namespace, and no ReferenceGrant in ${backend.namespace} `
            + `lets HTTPRoutes of ${routeNamespace} refer to it; add one, or move the route next to the Service`));
        }
      });
    });
  }

  for (const gateway of gateways) {
    asList(specOf(gateway).listeners).map(asRecord).forEach((listener, i) => {
      asList(asRecord(listener?.tls)?.certificateRefs).map(asRecord).forEach((certificate, j) => {
        const name = asString(certificate?.name);
        if (name === undefined) return;
        const target: ObjectRef = {
          group: typeof certificate?.group === 'string' ? certificate.group : '',
          kind: asString(certificate?.kind) ?? 'Secret',
          name,
          namespace: asString(certificate?.namespace) ?? namespaceOf(gateway),
        };
        if (target.namespace !== namespaceOf(gateway) && !granted(grants, { group: GATEWAY_API_GROUP, kind: 'Gateway', namespace: namespaceOf(gateway) }, target)) {
          findings.push(findingAbout(gateway, `spec.listeners[${i}].tls.certificateRefs[${j}]: ${target.kind} ${target.namespace}/${name} is in another namespace, `
            + `and no ReferenceGrant in ${target.namespace} lets Gateways of ${namespaceOf(gateway)} refer to it; add one`));
        }
      });
    });
  }
  return findings;
}

function servicePorts(service: JsonObject): number[] {
  return asList(objectSpec(service).ports).map(port => asRecord(port)?.port).filter((port): port is number => typeof port === 'number');
}

/**
 * Findings about a Gateway parentRef: the listener it names exists, and some listener it
 * attaches to admits routes from the route's namespace (`allowedRoutes.namespaces.from`:
 * `Same` by default, `All`, or `Selector`, read for the `kubernetes.io/metadata.name` label only).
 */
function listenerFindings(route: LoadedManifest, where: string, parent: ObjectRef, gateway: JsonObject, routeNamespace: string): Finding[] {
  const listeners = listenersOf(gateway);
  const attached = parent.sectionName === undefined ? listeners : listeners.filter(l => l.name === parent.sectionName);
  if (parent.sectionName !== undefined && attached.length === 0) {
    return [findingAbout(route, `${where}: ${refLabel(parent)} has no listener ${JSON.stringify(parent.sectionName)}`)];
  }
  if (attached.some(listener => listenerAdmits(listener, parent.namespace, routeNamespace))) return [];
  return [findingAbout(route, `${where}: no listener of ${refLabel(parent)} admits routes from namespace ${routeNamespace} `
    + '(allowedRoutes.namespaces); set `from: All`, or a selector that matches it')];
}

/** Whether a ReferenceGrant lets `from` refer to `target` in another namespace. */
function granted(grants: readonly JsonObject[], from: Referrer, target: ObjectRef): boolean {
  return referenceGranted(grants, from, target, DEFAULT_NAMESPACE);
}
