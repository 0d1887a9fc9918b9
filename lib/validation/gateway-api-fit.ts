import { checkName, DNS_1123_SUBDOMAIN } from './name-syntax';
import { ChainContext, RuleOutput } from './rule-context';
import { PathSegment, show } from '../diagnostics/problems';
import { cookieValuePattern } from '../model/cookie-pattern';
import { routeSourcesOf, routingApiOf } from '../model/defaults';
import { gatewayApiHeaderMatch, MAX_HTTPROUTE_HEADER_VALUE } from '../model/gateway-api-header';
import { versionServiceName } from '../model/naming';
import { headerCondition } from '../model/routing-plan';
import { RoutingApi } from '../props/chain-props';
import { TrafficSource } from '../props/entry-props';

/** The limits of the Gateway API v1 HTTPRoute CRD that a chain can reach. */
export const HTTPROUTE_LIMITS = { rules: 16, backendRefs: 16, hostnames: 16, parentRefs: 32 } as const;

/** A dotted IPv4 address. */
const IPV4 = /^\d+(\.\d+){3}$/;

/**
 * What `routingApi: gateway-api` needs of the props, and what it has no use for:
 * - the Istio-only settings (`apiVersion`, `loadBalancer`, `entry.rootName`, `entry.rootNamespace`,
 *   a gateway's `selector`) are refused rather than ignored; `gatewayClassName` is refused with Istio;
 * - hosts are DNS names: Gateway API refuses IP addresses as hostnames;
 * - an HTTPRoute holds at most 16 rules, 16 backends per rule, 16 hostnames and 32 parents, so
 *   a service has at most 16 versions, the entry at most 16 rules per kind of traffic;
 * - the Service of a version, `<service>-<version>`, must not take the name of a service;
 * - a header match, once translated for Gateway API (a prefix or a cookie becomes a regex), and
 *   the URI prefix fit the CRD's lengths (4096 and 1024 characters).
 */
export function checkGatewayApiFit(chain: ChainContext, out: RuleOutput): void {
  const { props, entry } = chain;
  const gatewayApi = routingApiOf(props) === RoutingApi.GATEWAY_API;
  const istioOnly = (path: PathSegment[], what: string) => out.problems.add(path,
    `is ${what}, which Gateway API has no place for; remove it, or set \`routingApi: ${RoutingApi.ISTIO}\``);
  entry.createGateways?.forEach((gateway, i) => {
    const path = ['entry', 'createGateways', i];
    if (gateway.gatewayClassName === undefined) return;
    if (!gatewayApi) {
      out.problems.add([...path, 'gatewayClassName'], `is set, but only Gateway API Gateways have a class; set \`routingApi: ${RoutingApi.GATEWAY_API}\`, or remove it`);
    } else {
      checkName(out.problems, [...path, 'gatewayClassName'], gateway.gatewayClassName, DNS_1123_SUBDOMAIN, 'GatewayClass name');
    }
  });
  if (!gatewayApi) return;

  if (props.apiVersion !== undefined) istioOnly(['apiVersion'], "the API version of Istio's objects");
  if (props.loadBalancer !== undefined) istioOnly(['loadBalancer'], 'a DestinationRule setting');
  if (entry.rootName !== undefined) istioOnly(['entry', 'rootName'], 'the name of the root VirtualService');
  if (entry.rootNamespace !== undefined) istioOnly(['entry', 'rootNamespace'], 'the namespace of the root VirtualService');
  entry.createGateways?.forEach((gateway, i) => {
    if (gateway.selector !== undefined) istioOnly(['entry', 'createGateways', i, 'selector'], "the pod selector of an Istio Gateway (a Gateway API Gateway's class picks its pods)");
  });

  const hostsPaths: Array<{ path: PathSegment[]; hosts?: readonly string[] }> = [{ path: ['entry', 'hosts'], hosts: entry.hosts }];
  entry.createGateways?.forEach((gateway, i) => hostsPaths.push({ path: ['entry', 'createGateways', i, 'hosts'], hosts: gateway.hosts }));
  for (const { path, hosts } of hostsPaths) {
    hosts?.forEach((host, j) => {
      if (IPV4.test(host)) {
        out.problems.add([...path, j], `${show(host)} is an IP address, which Gateway API refuses as a hostname (HTTPRoute hostnames and listener hostnames are DNS names); `
          + 'use the DNS name clients send in the Host header, such as "shop.example.com"');
      }
    });
  }
  const tooMany = (path: PathSegment[], count: number, limit: number, what: string, fix: string) => {
    if (count > limit) out.problems.add(path, `makes ${count} ${what}, but an HTTPRoute holds at most ${limit}; ${fix}`);
  };
  tooMany(['entry', 'hosts'], entry.hosts?.length ?? 0, HTTPROUTE_LIMITS.hostnames, 'hostnames of the entry\'s HTTPRoute', 'split the hosts over several chains');
  tooMany(['entry', 'gateways'], chain.gateways.length, HTTPROUTE_LIMITS.parentRefs, 'parentRefs of the entry\'s HTTPRoute', 'bind the entry to fewer gateways');
  chain.services.forEach((service, i) => {
    tooMany(['services', i, 'versions'], Object.keys(service.versions).length, HTTPROUTE_LIMITS.rules,
      'rules (one per version) or backends of a weighted rule', 'remove versions that are no longer served');
  });
  for (const source of [TrafficSource.GATEWAY, TrafficSource.MESH]) {
    const count = entryRuleCount(chain, source);
    tooMany(['entry', 'headerRoutes'], count, HTTPROUTE_LIMITS.rules, `rules for ${source} traffic (header routes, weights and the default route)`,
      'merge header routes that go to the same version into one regex');
  }

  entry.headerRoutes?.forEach((route, i) => {
    const kinds = ['exact', 'prefix', 'regex'].filter(kind => typeof route[kind as 'exact'] === 'string');
    if (kinds.length !== 1 || (route.header === undefined) === (route.cookie === undefined)) return; // the header rules report it
    const condition = headerCondition(route);
    if (condition.on === 'cookie' && cookieValuePattern(condition).fault !== undefined) return; // the cookie rules report it
    const { value } = gatewayApiHeaderMatch(condition);
    if (value.length > MAX_HTTPROUTE_HEADER_VALUE) {
      out.problems.add(['entry', 'headerRoutes', i], `makes an HTTPRoute header match of ${value.length} characters${value === condition.value ? '' : ' (translated to a regex)'}, `
        + `but Gateway API takes at most ${MAX_HTTPROUTE_HEADER_VALUE}; shorten the value`);
    }
  });
  if ((entry.uriPrefix?.length ?? 0) > 1024) {
    out.problems.add(['entry', 'uriPrefix'], `has ${entry.uriPrefix!.length} characters, but an HTTPRoute path takes at most 1024; shorten it`);
  }

  const serviceNames = new Set(chain.services.map(service => service.name));
  chain.services.forEach((service, i) => {
    for (const version of Object.keys(service.versions)) {
      const name = versionServiceName(service.name, version);
      if (serviceNames.has(name)) {
        out.problems.add(['services', i, 'versions', version], `makes the Service ${show(name)} of this version, which is also the name of a service of the chain; `
          + 'rename the service or the version');
      }
    }
  });
}

/** How many rules the entry's HTTPRoute for `source` traffic holds. */
function entryRuleCount(chain: ChainContext, source: TrafficSource): number {
  const { entry } = chain;
  if (source === TrafficSource.GATEWAY && chain.gateways.length === 0) return 0;
  if (source === TrafficSource.MESH && !chain.meshBound) return 0;
  const headerRoutes = entry.headerRoutes?.filter(route => routeSourcesOf(route).includes(source)).length ?? 0;
  const weights = source === TrafficSource.GATEWAY ? entry.gatewayWeights : entry.meshWeights;
  return headerRoutes + (weights !== undefined ? 1 : 0) + (entry.defaultVersion !== undefined ? 1 : 0);
}
