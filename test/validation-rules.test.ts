import { ServiceChainProps, TrafficSource, validateChain } from '../lib';
import { problemEntries, problemLines } from './validation-support/problem-lines';
import { headerRoutingChain, LooseProps, mutated, seedChain } from './validation-support/seed-chains';
import { formatPath } from '../lib/diagnostics/problems';
import { quantityValue } from '../lib/validation/resources';

/** One bad input: how it differs from a valid chain, and the problem it must raise. */
interface BadCase {
  /** Says what is rejected: the test title. */
  readonly name: string;
  /** The valid chain it starts from (the weighted seed unless said). */
  readonly base?: ServiceChainProps;
  /** Makes the chain bad. */
  readonly mutate: (props: LooseProps) => void;
  /** Where the problem must point, in dotted form. */
  readonly path: string;
  /** What its message must say. */
  readonly message: RegExp;
}

const headers = headerRoutingChain;

const badCases: BadCase[] = [
  // Names
  {
    name: 'fails when a service name has uppercase letters',
    mutate: p => { p.services[1].name = 'AppB'; },
    path: 'services[1].name',
    message: /"AppB" is not a valid service name: it has uppercase letters\. Use a DNS-1035 label.*for example "appb"/,
  },
  {
    name: 'fails when a service name starts with a digit',
    mutate: p => { p.services[1].name = '2b'; },
    path: 'services[1].name',
    message: /"2b" is not a valid service name: it does not start with a letter/,
  },
  {
    name: 'fails when a service name is longer than 63 characters',
    mutate: p => { p.services[1].name = 'b'.repeat(64); },
    path: 'services[1].name',
    message: /is 64 characters long, more than 63/,
  },
  {
    name: 'fails when a service name contains an underscore',
    mutate: p => { p.services[1].name = 'app_b'; },
    path: 'services[1].name',
    message: /contains "_".*for example "app-b"/,
  },
  {
    name: 'fails when a version name is empty',
    mutate: p => { p.services[1].versions[''] = {}; },
    path: 'services[1].versions[""]',
    message: /"" is not a valid version name .*: it is empty/,
  },
  {
    name: 'fails when a version name is not a label value',
    mutate: p => { p.services[1].versions['v1/beta'] = {}; },
    path: 'services[1].versions["v1/beta"]',
    message: /contains "\/"\. Use a non-empty Kubernetes label value/,
  },
  {
    name: 'fails when a version makes an invalid Deployment name',
    mutate: p => { p.services[1].versions.V3 = {}; },
    path: 'services[1].versions.V3',
    message: /makes the Deployment name "appb-V3", which is not a valid DNS-1123 subdomain \(it has uppercase letters\) and the DestinationRule subset name "V3", .*such as "v3"/,
  },
  {
    name: 'fails when a version is not a DNS-1123 label, as Istio requires of subset names',
    mutate: p => { p.services[1].versions['v1.2'] = {}; },
    path: 'services[1].versions["v1.2"]',
    message: /makes the DestinationRule subset name "v1\.2", which Istio requires to be a DNS-1123 label \(it contains "\."\).*such as "v1-2"/,
  },
  {
    name: 'fails when two services make the same Deployment name',
    mutate: p => { p.services.push({ name: 'app-b', versions: { v1: {} } }, { name: 'app', versions: { 'b-v1': {} } }); p.services[1].calls = ['app-b', 'app']; },
    path: 'services[3].versions.b-v1',
    message: /makes the Deployment name "app-b-v1", which service "app-b" also makes/,
  },
  {
    name: 'fails when a label key is invalid',
    mutate: p => { p.defaults.labels = { 'team name': 'shop' }; },
    path: 'defaults.labels["team name"]',
    message: /"team name" is not a valid label key: it contains " "/,
  },
  {
    name: 'fails when a label value is invalid',
    mutate: p => { p.services[0].labels = { tier: '-front' }; },
    path: 'services[0].labels.tier',
    message: /"-front" is not a valid value for label "tier": it does not start with a letter or digit/,
  },
  {
    name: 'fails when labels set the app label the library owns',
    mutate: p => { p.services[0].versions.v1.labels = { app: 'web' }; },
    path: 'services[0].versions.v1.labels.app',
    message: /"app" is set by the library .*remove it from `labels`/,
  },
  {
    name: 'fails when an annotation key has two slashes',
    mutate: p => { p.defaults.annotations = { 'a/b/c': 'x' }; },
    path: 'defaults.annotations["a/b/c"]',
    message: /not a valid annotation key: it has more than one '\/'/,
  },
  {
    name: 'fails when the namespace is not a DNS-1123 label',
    mutate: p => { p.namespace = 'Shop_NS'; },
    path: 'namespace',
    message: /"Shop_NS" is not a valid namespace: it has uppercase letters/,
  },
  {
    name: 'fails when entry.rootNamespace is not a DNS-1123 label',
    mutate: p => { p.entry.rootNamespace = 'istio.system'; },
    path: 'entry.rootNamespace',
    message: /"istio\.system" is not a valid namespace: it contains "\."/,
  },
  {
    name: 'fails when createNamespace is set without a namespace',
    mutate: p => { p.createNamespace = true; },
    path: 'createNamespace',
    message: /is true but `namespace` is not set/,
  },
  {
    name: 'fails when a container name is not a DNS-1123 label',
    mutate: p => { p.defaults.containerName = 'Default'; },
    path: 'defaults.containerName',
    message: /"Default" is not a valid container name: it has uppercase letters.*"default"/,
  },
  {
    name: 'fails when an environment variable name is empty',
    mutate: p => { p.defaults.env[0].name = ''; },
    path: 'defaults.env[0].name',
    message: /is not a valid environment variable name: it is empty/,
  },
  {
    name: 'fails when an environment variable name contains =',
    mutate: p => { p.services[0].env = [{ name: 'A=B', value: '1' }]; },
    path: 'services[0].env[0].name',
    message: /"A=B" is not a valid environment variable name: it contains '='/,
  },
  {
    name: 'fails when upstreamUrlEnv is empty',
    mutate: p => { p.defaults.upstreamUrlEnv = ''; },
    path: 'defaults.upstreamUrlEnv',
    message: /is not a valid environment variable name: it is empty/,
  },
  {
    name: 'fails when an image pull Secret name is invalid',
    mutate: p => { p.defaults.imagePullSecrets = ['Default_Secret']; },
    path: 'defaults.imagePullSecrets[0]',
    message: /"Default_Secret" is not a valid Secret name/,
  },
  {
    name: 'fails when the root VirtualService takes the name of a service VirtualService',
    mutate: p => { p.entry.rootName = 'vs-appb'; p.entry.rootNamespace = 'default'; },
    path: 'entry.rootName',
    message: /"vs-appb" is also the name of the VirtualService of service "appb" in namespace "default"/,
  },

  // Weights
  {
    name: 'fails when weights do not add up to 100',
    mutate: p => { p.entry.gatewayWeights = { v1: 10, v2: 80 }; },
    path: 'entry.gatewayWeights',
    message: /add up to 90, not 100 \({"v1":10,"v2":80}\); add 10 so that they add up to 100/,
  },
  {
    name: 'fails when weights add up to more than 100',
    mutate: p => { p.entry.meshWeights = { v1: 100, v2: 10 }; },
    path: 'entry.meshWeights',
    message: /add up to 110, not 100 .*take away 10/,
  },
  {
    name: 'fails when every weight is 0',
    mutate: p => { p.entry.meshWeights = { v1: 0, v2: 0 }; },
    path: 'entry.meshWeights',
    message: /send no traffic anywhere; give at least one version a weight above 0/,
  },
  {
    name: 'fails when weights are empty',
    mutate: p => { p.entry.meshWeights = {}; },
    path: 'entry.meshWeights',
    message: /{} send no traffic anywhere/,
  },
  {
    name: 'fails when a weight is above 100',
    mutate: p => { p.entry.gatewayWeights = { v1: 150, v2: -50 }; },
    path: 'entry.gatewayWeights.v1',
    message: /is 150; expected a whole number from 0 to 100/,
  },
  {
    name: 'fails when a weight is negative',
    mutate: p => { p.entry.gatewayWeights = { v1: 150, v2: -50 }; },
    path: 'entry.gatewayWeights.v2',
    message: /is -50; expected a whole number from 0 to 100/,
  },
  {
    name: 'fails when a weight is not a whole number',
    mutate: p => { p.entry.gatewayWeights = { v1: 10.5, v2: 89.5 }; },
    path: 'entry.gatewayWeights.v1',
    message: /is 10\.5 \(a number\); expected a whole number from 0 to 100/,
  },
  {
    name: 'fails when weights name a version the entry service lacks',
    mutate: p => { p.entry.gatewayWeights = { v1: 10, v3: 90 }; },
    path: 'entry.gatewayWeights.v3',
    message: /"v3" is not a version of the entry service "appa"; use one of \["v1","v2"\]/,
  },
  {
    name: 'fails when gateway weights are set but the entry has no gateways',
    mutate: p => { p.entry.gateways = []; },
    path: 'entry.gatewayWeights',
    message: /are set but the entry has no gateways/,
  },
  {
    name: 'fails when mesh weights are set but entry.mesh is false',
    mutate: p => { p.entry.mesh = false; },
    path: 'entry.meshWeights',
    message: /are set but `entry\.mesh` is false/,
  },

  // Headers
  {
    name: 'fails when a header name is not an RFC 7230 token',
    base: headers,
    mutate: p => { p.entry.headerRoutes[0].header = 'x version'; },
    path: 'entry.headerRoutes[0].header',
    message: /"x version" is not a valid header name: it contains " "\. Use an HTTP token \(RFC 7230\).*"x-version"/,
  },
  {
    name: 'fails when laneHeader is not an RFC 7230 token',
    mutate: p => { p.laneMode = 'header'; p.laneHeader = 'x-lane:'; },
    path: 'laneHeader',
    message: /"x-lane:" is not a valid header name: it contains ":"/,
  },
  {
    name: 'fails when a cookie name is not a token',
    base: headers,
    mutate: p => { p.entry.headerRoutes[0] = { cookie: 'my lane', exact: 'v1', version: 'v1' }; },
    path: 'entry.headerRoutes[0].cookie',
    message: /"my lane" is not a valid cookie name/,
  },
  {
    name: 'fails when a header regex uses lookahead',
    base: headers,
    mutate: p => { p.entry.headerRoutes[0].regex = '(?=v)v1'; },
    path: 'entry.headerRoutes[0].regex',
    message: /"\(\?=v\)v1" is not a valid RE2 regular expression: error parsing regexp: invalid or unsupported Perl syntax: `\(\?=`/,
  },
  {
    name: 'fails when a header regex uses a backreference',
    base: headers,
    mutate: p => { p.entry.headerRoutes[1].regex = '(v)\\1'; },
    path: 'entry.headerRoutes[1].regex',
    message: /not a valid RE2 regular expression: error parsing regexp: invalid escape sequence: `\\1`/,
  },
  {
    name: 'fails when a header regex does not parse',
    base: headers,
    mutate: p => { p.entry.headerRoutes[1].regex = 'v[12'; },
    path: 'entry.headerRoutes[1].regex',
    message: /missing closing \]/,
  },
  {
    name: 'fails when a header regex is longer than 1024 characters',
    base: headers,
    mutate: p => { p.entry.headerRoutes[0].regex = 'v'.repeat(1025); },
    path: 'entry.headerRoutes[0].regex',
    message: /is 1025 characters long, more than 1024/,
  },
  {
    name: 'fails when a cookie route regex is invalid',
    base: headers,
    mutate: p => { p.entry.headerRoutes[0] = { cookie: 'lane', regex: '(?<!x)v1', version: 'v1' }; },
    path: 'entry.headerRoutes[0].regex',
    message: /not a valid RE2 regular expression/,
  },

  // Hosts and gateway references
  {
    name: 'fails when a host is not a DNS name or IPv4 address',
    mutate: p => { p.entry.hosts = ['shop_example.com']; },
    path: 'entry.hosts[0]',
    message: /"shop_example\.com" is not a valid host: it has a part "shop_example" that contains "_"\. Use an IPv4 address/,
  },
  {
    name: 'fails when an IPv4 host has a part above 255',
    mutate: p => { p.entry.hosts = ['192.168.1.256']; },
    path: 'entry.hosts[0]',
    message: /looks like an IPv4 address but is not one/,
  },
  {
    name: 'fails when a host carries a scheme',
    mutate: p => { p.entry.hosts = ['https://shop.example.com']; },
    path: 'entry.hosts[0]',
    message: /give the host alone, without scheme, port or path/,
  },
  {
    name: 'fails when a host has uppercase letters',
    mutate: p => { p.entry.hosts = ['Shop.example.com']; },
    path: 'entry.hosts[0]',
    message: /has uppercase letters.*for example "shop\.example\.com"/,
  },
  {
    name: 'fails when a wildcard host is bound to the mesh',
    mutate: p => { p.entry.hosts = ['*.example.com']; },
    path: 'entry.hosts[0]',
    message: /"\*\.example\.com" is a wildcard, but the entry is bound to the mesh.*set `entry\.mesh: false`/,
  },
  {
    name: 'fails when * alone is bound to the mesh',
    mutate: p => { p.entry.hosts = ['*']; },
    path: 'entry.hosts[0]',
    message: /"\*" is a wildcard, but the entry is bound to the mesh/,
  },
  {
    name: 'fails when a wildcard is not leading',
    mutate: p => { p.entry.hosts = ['shop.*.com']; },
    path: 'entry.hosts[0]',
    message: /has a '\*' that is not a leading `\*\.`/,
  },
  {
    name: 'fails when a created gateway host is invalid',
    mutate: p => { p.entry.createGateways = [{ ref: 'istio-system/app-gw', hosts: ['bad host'] }]; },
    path: 'entry.createGateways[0].hosts[0]',
    message: /"bad host" is not a valid host/,
  },
  {
    name: 'fails when a gateway reference has no namespace',
    mutate: p => { p.entry.gateways = ['app-gw']; },
    path: 'entry.gateways[0]',
    message: /"app-gw" is not a valid gateway reference: it has no namespace\. Write `<namespace>\/<name>`/,
  },
  {
    name: 'fails when a gateway reference has an invalid name',
    mutate: p => { p.entry.gateways = ['istio-system/App_GW']; },
    path: 'entry.gateways[0]',
    message: /it has a name "App_GW" that has uppercase letters/,
  },
  {
    name: 'fails when a created gateway reference has an invalid namespace',
    mutate: p => { p.entry.createGateways = [{ ref: 'istio system/gw' }]; },
    path: 'entry.createGateways[0].ref',
    message: /it has a namespace "istio system" that contains " "/,
  },
  {
    name: 'fails when two created gateways share a reference',
    mutate: p => { p.entry.createGateways = [{ ref: 'istio-system/gw' }, { ref: 'istio-system/gw', port: 8080 }]; },
    path: 'entry.createGateways[1].ref',
    message: /"istio-system\/gw" is already written by entry\.createGateways\[0\]/,
  },

  // Ports
  {
    name: 'fails when a service port is 0',
    mutate: p => { p.services[0].port = 0; },
    path: 'services[0].port',
    message: /is 0; expected a whole number from 1 to 65535/,
  },
  {
    name: 'fails when defaults.port is above 65535',
    mutate: p => { p.defaults.port = 70000; },
    path: 'defaults.port',
    message: /is 70000; expected a whole number from 1 to 65535/,
  },
  {
    name: 'fails when a gateway port is above 65535',
    mutate: p => { p.entry.createGateways = [{ ref: 'istio-system/app-gw', port: 65536 }]; },
    path: 'entry.createGateways[0].port',
    message: /is 65536; expected a whole number from 1 to 65535/,
  },
  {
    name: 'fails when a port is not a whole number',
    mutate: p => { p.services[1].port = 80.5; },
    path: 'services[1].port',
    message: /is 80\.5 \(a number\); expected a whole number from 1 to 65535/,
  },
  {
    name: 'fails when a port name has no Istio protocol prefix',
    mutate: p => { p.services[0].portName = 'web'; },
    path: 'services[0].portName',
    message: /"web" is not a valid port name: .*http, http2, https, grpc, grpc-web, tcp, tls, mongo, mysql, redis, udp/,
  },
  {
    name: 'fails when a port name has an uppercase protocol',
    mutate: p => { p.defaults.portName = 'HTTP'; },
    path: 'defaults.portName',
    message: /"HTTP" is not a valid port name/,
  },
  {
    name: 'fails when a port name suffix ends with a dash',
    mutate: p => { p.defaults.portName = 'http-'; },
    path: 'defaults.portName',
    message: /"http-" is not a valid port name/,
  },

  // The chain as a graph
  {
    name: 'fails when the chain has no services',
    mutate: p => { p.services = []; },
    path: 'services',
    message: /is empty: a chain needs at least one service/,
  },
  {
    name: 'fails when a service is listed twice',
    mutate: p => { p.services.push({ name: 'appb', versions: { v1: {} } }); },
    path: 'services[2].name',
    message: /"appb" is listed twice \(also services\[1\]\)/,
  },
  {
    name: 'fails when calls names an unknown service',
    mutate: p => { p.services[0].calls = ['appc']; },
    path: 'services[0].calls[0]',
    message: /"appc" is not a service of the chain; add it to `services` or fix the name \(known: \["appa","appb"\]\)/,
  },
  {
    name: 'fails when a service calls itself',
    mutate: p => { p.services[1].calls = ['appb']; },
    path: 'services[1].calls[0]',
    message: /"appb": a service cannot call itself/,
  },
  {
    name: 'fails when a callee is listed twice',
    mutate: p => { p.services[0].calls = ['appb', 'appb']; },
    path: 'services[0].calls[1]',
    message: /"appb" is listed twice in `calls`/,
  },
  {
    name: 'fails when calls form a cycle',
    mutate: p => { p.services[1].calls = ['appc']; p.services.push({ name: 'appc', versions: { v1: {} }, calls: ['appb'] }); },
    path: 'services[1].calls',
    message: /form a cycle appb -> appc -> appb; the call graph must be acyclic/,
  },
  {
    name: 'fails when the entry service is not in the chain',
    mutate: p => { p.entry.service = 'appz'; },
    path: 'entry.service',
    message: /"appz" is not a service of the chain; use one of \["appa","appb"\]/,
  },
  {
    name: 'fails when the entry service is called by another service',
    mutate: p => { p.services[1].calls = ['appa']; },
    path: 'services[1].calls[0]',
    message: /"appa" is the entry service \(`entry\.service`\), which must be the root of the call graph: nothing may call it/,
  },

  // Versions and images
  {
    name: 'fails when a service has no versions',
    mutate: p => { p.services[1].versions = {}; },
    path: 'services[1].versions',
    message: /of service "appb" is empty; add at least one version/,
  },
  {
    name: 'fails when a version has no image',
    mutate: p => { delete p.defaults.image; p.services[0].image = 'shop/a:1'; },
    path: 'services[1].versions.v2.image',
    message: /is missing for "appb-v2"; set `image` on the version, the service or `defaults`/,
  },
  {
    name: 'fails when an image holds whitespace',
    mutate: p => { p.services[1].versions.v2.image = 'shop/b: 2'; },
    path: 'services[1].versions.v2.image',
    message: /"shop\/b: 2" contains whitespace/,
  },
  {
    name: 'fails when the baseline is not a version',
    mutate: p => { p.services[1].baseline = 'v3'; },
    path: 'services[1].baseline',
    message: /"v3" is not a version of "appb"; use one of \["v1","v2"\]/,
  },
  {
    name: 'fails when a CPU quantity is not a Kubernetes quantity',
    mutate: p => { p.defaults.resources = { requests: { cpu: '250 m' } }; },
    path: 'defaults.resources.requests.cpu',
    message: /"250 m" is not a Kubernetes quantity.*"250m"/,
  },
  {
    name: 'fails when a memory request is above its limit',
    mutate: p => { p.services[0].resources = { requests: { memory: '1Gi' }, limits: { memory: '512Mi' } }; },
    path: 'services[0].resources.requests.memory',
    message: /"1Gi" is more than the limit "512Mi"/,
  },
  {
    name: 'fails when replicas are negative',
    mutate: p => { p.services[0].versions.v2.replicas = -1; },
    path: 'services[0].versions.v2.replicas',
    message: /is -1; expected a whole number from 0 to 2147483647/,
  },

  // Entry routes
  {
    name: 'fails when a header route names a version the entry service lacks',
    base: headers,
    mutate: p => { p.entry.headerRoutes[1].version = 'v3'; },
    path: 'entry.headerRoutes[1].version',
    message: /"v3" is not a version of the entry service "appa"/,
  },
  {
    name: 'fails when defaultVersion is not a version of the entry service',
    base: headers,
    mutate: p => { p.entry.defaultVersion = 'v9'; },
    path: 'entry.defaultVersion',
    message: /"v9" is not a version of the entry service "appa"/,
  },
  {
    name: 'fails when a header route sets both header and cookie',
    base: headers,
    mutate: p => { p.entry.headerRoutes[0].cookie = 'lane'; },
    path: 'entry.headerRoutes[0]',
    message: /sets both `header` and `cookie`; set exactly one/,
  },
  {
    name: 'fails when a header route sets two conditions',
    base: headers,
    mutate: p => { p.entry.headerRoutes[0].exact = 'v1'; },
    path: 'entry.headerRoutes[0]',
    message: /sets 2 of `exact`, `prefix`, `regex`; set exactly one/,
  },
  {
    name: 'fails when a header route has an empty from',
    base: headers,
    mutate: p => { p.entry.headerRoutes[0].from = []; },
    path: 'entry.headerRoutes[0].from',
    message: /is empty, which Istio reads as "from every source"/,
  },
  {
    name: 'fails when a header route lists a source twice',
    base: headers,
    mutate: p => { p.entry.headerRoutes[0].from = ['mesh', 'mesh']; },
    path: 'entry.headerRoutes[0].from[1]',
    message: /"mesh" is listed twice/,
  },
  {
    name: 'fails when a header route takes mesh traffic but entry.mesh is false',
    base: headers,
    mutate: p => { p.entry.mesh = false; delete p.entry.meshWeights; p.entry.headerRoutes[0].from = [TrafficSource.MESH]; },
    path: 'entry.headerRoutes[0].from',
    message: /includes `mesh` but `entry\.mesh` is false/,
  },
  {
    name: 'fails when a header route takes gateway traffic but the entry has no gateways',
    base: headers,
    mutate: p => { p.entry.gateways = []; delete p.entry.gatewayWeights; },
    path: 'entry.headerRoutes[0].from',
    message: /is `\[gateway\]` when not set, but the entry has no gateways/,
  },
  {
    name: 'fails when gateway traffic has neither weights nor a default version',
    mutate: p => { delete p.entry.gatewayWeights; },
    path: 'entry.gatewayWeights',
    message: /is missing and there is no `defaultVersion`: gateway requests .* would get 404/,
  },
  {
    name: 'fails when mesh traffic has neither weights nor a default version',
    mutate: p => { delete p.entry.meshWeights; },
    path: 'entry.meshWeights',
    message: /is missing and there is no `defaultVersion`: mesh requests to the entry would get 404/,
  },
  {
    name: 'fails when the entry takes no traffic at all',
    mutate: p => { p.entry.mesh = false; p.entry.gateways = []; p.entry.defaultVersion = 'v1'; },
    path: 'entry.mesh',
    message: /is false and the entry has no gateways, so no traffic can reach the chain/,
  },
  {
    name: 'fails when uriPrefix does not start with a slash',
    mutate: p => { p.entry.uriPrefix = 'api'; },
    path: 'entry.uriPrefix',
    message: /"api" does not start with '\/'.*write "\/api"/,
  },

  // Unreachable routes
  {
    name: 'fails when a header route repeats an earlier one',
    base: headers,
    mutate: p => { p.entry.headerRoutes.push({ header: 'Version', regex: 'v1', version: 'v2' }); },
    path: 'entry.headerRoutes[2]',
    message: /can never match: entry\.headerRoutes\[0\] comes first .*header "version" regex "v1" from gateway covers/,
  },
  {
    name: 'fails when an earlier prefix route covers a later exact route',
    base: headers,
    mutate: p => { p.entry.headerRoutes = [{ header: 'version', prefix: 'v', version: 'v1' }, { header: 'version', exact: 'v2', version: 'v2' }]; },
    path: 'entry.headerRoutes[1]',
    message: /can never match: entry\.headerRoutes\[0\]/,
  },
  {
    name: 'fails when an earlier regex matches the whole of a later exact value',
    base: headers,
    mutate: p => { p.entry.headerRoutes = [{ header: 'version', regex: 'v[0-9]+', version: 'v1' }, { header: 'version', exact: 'v2', version: 'v2' }]; },
    path: 'entry.headerRoutes[1]',
    message: /can never match/,
  },
  {
    name: 'fails when a cookie route repeats an earlier one',
    base: headers,
    mutate: p => { p.entry.headerRoutes = [{ cookie: 'lane', exact: 'v2', version: 'v2' }, { cookie: 'lane', exact: 'v2', version: 'v1' }]; },
    path: 'entry.headerRoutes[1]',
    message: /can never match: .*cookie "lane" exact "v2"/,
  },

  // Lanes
  {
    name: 'fails when strict is set and a lane cannot pass a service',
    mutate: p => {
      p.strict = true;
      p.services[1].calls = ['appc'];
      p.services[1].versions = { v1: {} };
      p.services.push({ name: 'appc', versions: { v1: {}, v2: {} } });
    },
    path: 'services[1].versions',
    message: /lane "v2" cannot pass "appb", which has no "v2": .*Add "v2" to "appb", or use laneMode 'header'/,
  },

  // Shape: wrong types, as JavaScript callers can pass
  {
    name: 'fails when services is not a list',
    mutate: p => { p.services = 'appa'; },
    path: 'services',
    message: /is "appa" \(a string\); expected a list of/,
  },
  {
    name: 'fails when a service name is a number',
    mutate: p => { p.services[1].name = 123; },
    path: 'services[1].name',
    message: /is 123 \(a number\); expected a string; write it in quotes to keep it text: "123"/,
  },
  {
    name: 'fails when the entry is missing',
    mutate: p => { delete p.entry; },
    path: 'entry',
    message: /is missing; add it \(Where traffic enters the chain, and how it is split\)/,
  },
  {
    name: 'fails when a field is unknown',
    mutate: p => { p.entry.gatewayWeight = { v1: 100 }; },
    path: 'entry.gatewayWeight',
    message: /is not a known field here; did you mean "gatewayWeights"\? The fields are: /,
  },
  {
    name: 'fails when laneMode is not a known mode',
    mutate: p => { p.laneMode = 'Header'; },
    path: 'laneMode',
    message: /is "Header" \(a string\); expected one of "sourceLabels", "header"; did you mean "header"\?/,
  },
  {
    name: 'fails when a version is null',
    mutate: p => { p.services[1].versions.v2 = null; },
    path: 'services[1].versions.v2',
    message: /is empty \(null\); expected a mapping of fields; write `{}` for a version with no settings/,
  },
  {
    name: 'fails when a port is Infinity',
    mutate: p => { p.services[1].port = Infinity; },
    path: 'services[1].port',
    message: /is Infinity, a number too large to use; expected a whole number from 1 to 65535/,
  },
  {
    name: 'fails when strict is not a boolean',
    mutate: p => { p.strict = 'yes'; },
    path: 'strict',
    message: /is "yes" \(a string\); expected true or false/,
  },
];

describe('validateChain rejects bad input with a message that says what and where', () => {
  test.each(badCases)('$name', ({ base, mutate, path, message }) => {
    const problems = validateChain(mutated(base ?? seedChain, mutate)).problems.list;
    const found = problems.filter(p => formatPath(p.path) === path);
    expect({ path, messages: found.map(p => p.message) }).toEqual({ path, messages: expect.arrayContaining([expect.stringMatching(message)]) });
  });

  test('has at least 40 bad-input cases', () => {
    expect(badCases.length).toBeGreaterThanOrEqual(40);
  });
});

/** Valid variations: none may raise a problem. */
const goodCases: Array<{ name: string; base?: ServiceChainProps; mutate: (props: LooseProps) => void }> = [
  { name: 'accepts the seed as it is', mutate: () => undefined },
  { name: 'accepts the header example, a default route after weights for gateway and mesh', base: headers, mutate: () => undefined },
  {
    name: 'accepts a wildcard host when the entry is not bound to the mesh',
    mutate: p => { p.entry.hosts = ['*.example.com', '*.example.org']; p.entry.mesh = false; delete p.entry.meshWeights; },
  },
  {
    name: 'accepts * alone when the entry is not bound to the mesh',
    mutate: p => { p.entry.hosts = ['*']; p.entry.mesh = false; delete p.entry.meshWeights; },
  },
  { name: 'accepts * on a created gateway', mutate: p => { p.entry.createGateways = [{ ref: 'istio-system/app-gw', hosts: ['*'], port: 8080 }]; } },
  { name: 'accepts every Istio protocol prefix', mutate: p => { p.services[0].portName = 'grpc-web'; p.services[1].portName = 'http2-api'; } },
  {
    name: 'accepts RE2 flags and classes in header regexes',
    base: headers,
    mutate: p => { p.entry.headerRoutes[0].regex = '(?i)v1|canary'; p.entry.headerRoutes[1].regex = '\\w+-v2'; },
  },
  {
    name: 'accepts label keys with a prefix, and empty label values',
    mutate: p => { p.defaults.labels = { 'example.com/team': 'shop', 'tier': '' }; p.defaults.annotations = { 'sidecar.istio.io/proxyCPU': '100m' }; },
  },
  { name: 'accepts version names with dashes and a namespace', mutate: p => { p.services[1].versions['v1-2'] = {}; p.namespace = 'shop'; p.createNamespace = true; } },
  {
    name: 'accepts header routes that differ by source',
    base: headers,
    mutate: p => { p.entry.headerRoutes.push({ header: 'version', regex: 'v1', version: 'v1', from: ['mesh'] }); },
  },
  {
    name: 'accepts resources with requests below limits',
    mutate: p => { p.defaults.resources = { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '1', memory: '0.5Gi' } }; },
  },
  {
    name: 'accepts explicit undefined for optional fields, as TypeScript code passes them',
    mutate: p => { p.namespace = undefined; p.entry.rootName = undefined; p.services[0].port = undefined; },
  },
];

describe('validateChain accepts valid chains', () => {
  test.each(goodCases)('$name', ({ base, mutate }) => {
    expect(validateChain(mutated(base ?? seedChain, mutate)).problems.list).toEqual([]);
  });
});

const SUBDOMAIN_RULE = "at most 253 characters: lowercase letters, digits and '-', in parts joined by '.', each part starting and ending with a letter or digit";
const LABEL_VALUE_RULE = "empty, or at most 63 characters: letters, digits, '-', '_' and '.', starting and ending with a letter or digit";

describe('names, in whole messages', () => {
  test('the labels the library sets are refused on workloads, each named for what it holds', () => {
    expect(problemEntries(mutated(seedChain, p => { p.services[0].labels = { app: 'web', version: 'v9' }; }), 'services[0]')).toEqual([
      { path: 'services[0].labels.app', message: '"app" is set by the library (the service name) and routing depends on it; remove it from `labels`' },
      { path: 'services[0].labels.version', message: '"version" is set by the library (the version name) and routing depends on it; remove it from `labels`' },
    ]);
  });

  test('a created Gateway\'s selector may use any label key, and its values and credential name are checked', () => {
    const props = mutated(seedChain, p => {
      p.entry.createGateways = [{ ref: 'istio-system/app-gw', selector: { app: 'ingress gw' }, credentialName: 'Shop_Cert' }];
    });
    expect(problemEntries(props, 'entry.createGateways')).toEqual([
      {
        path: 'entry.createGateways[0].selector.app',
        message: `"ingress gw" is not a valid value for label "app": it contains " ". Use a Kubernetes label value: ${LABEL_VALUE_RULE}; for example "ingress-gw"`,
      },
      {
        path: 'entry.createGateways[0].credentialName',
        message: `"Shop_Cert" is not a valid Secret name: it has uppercase letters. Use a DNS-1123 subdomain: ${SUBDOMAIN_RULE}; for example "shop-cert"`,
      },
    ]);
  });

  test('a blank environment variable name is refused as blank, and one with = is told what to use', () => {
    const props = mutated(seedChain, p => { p.services[1].env = [{ name: '  ', value: '1' }, { name: 'A=B', value: '1' }]; });
    expect(problemEntries(props, 'services[1]')).toEqual([
      { path: 'services[1].env[0].name', message: '"  " is not a valid environment variable name: it is empty or blank; give the variable a name, such as "LOG_LEVEL"' },
      {
        path: 'services[1].env[1].name',
        message: '"A=B" is not a valid environment variable name: it contains \'=\' or a character that is not printable ASCII; use letters, digits and \'_\', such as "LOG_LEVEL"',
      },
    ]);
  });
});

describe('names the library builds, in whole messages', () => {
  test('an invalid service name is reported once, not again for the Deployment names it makes', () => {
    const props = mutated(seedChain, p => { p.services[1].name = 'AppB'; p.services[1].versions = { V3: {} }; p.services[0].calls = ['AppB']; });
    expect(problemEntries(props, 'services[1]').map(problem => problem.path)).toEqual(['services[1].name']);
  });

  test('an invalid version name is reported once, not again for the Deployment and subset names it makes', () => {
    const props = mutated(seedChain, p => { p.services[1].versions['v1/beta'] = {}; });
    expect(problemEntries(props, 'services[1].versions').map(problem => problem.path)).toEqual(['services[1].versions["v1/beta"]']);
  });

  test('a version that makes a valid Deployment name but no subset name is told the subset rule alone', () => {
    expect(problemEntries(mutated(seedChain, p => { p.services[1].versions['v1.2'] = {}; }), 'services[1]')).toEqual([{
      path: 'services[1].versions["v1.2"]',
      message: 'makes the DestinationRule subset name "v1.2", which Istio requires to be a DNS-1123 label (it contains "."); '
        + 'use a version name of lowercase letters, digits and \'-\', such as "v1-2"',
    }]);
  });

  test('two services that make one Deployment name, in a whole message', () => {
    const props = mutated(seedChain, p => {
      p.services.push({ name: 'app-b', versions: { v1: {} } }, { name: 'app', versions: { 'b-v1': {} } });
      p.services[1].calls = ['app-b', 'app'];
    });
    expect(problemEntries(props, 'services')).toEqual([{
      path: 'services[3].versions.b-v1',
      message: 'makes the Deployment name "app-b-v1", which service "app-b" also makes; rename the service or the version so that `<service>-<version>` differs',
    }]);
  });

  test('a service listed twice is not said to make its own Deployment names twice', () => {
    const props = mutated(seedChain, p => { p.services.push({ name: 'appb', versions: { v1: {} } }); });
    expect(problemEntries(props, 'services[2]').map(problem => problem.path)).toEqual(['services[2].name']);
  });

  test('an invalid entry.rootName is refused as a VirtualService name', () => {
    expect(problemEntries(mutated(seedChain, p => { p.entry.rootName = 'Shop_Root'; }), 'entry')).toEqual([{
      path: 'entry.rootName',
      message: `"Shop_Root" is not a valid VirtualService name: it has uppercase letters. Use a DNS-1123 subdomain: ${SUBDOMAIN_RULE}; for example "shop-root"`,
    }]);
  });

  test('the root VirtualService clashes with a service\'s in the chain\'s namespace, its own without gateways, and not in another', () => {
    const meshOnly = (p: LooseProps) => { p.entry.gateways = []; delete p.entry.gatewayWeights; p.entry.rootName = 'vs-appb'; };
    expect(problemEntries(mutated(seedChain, meshOnly), 'entry')).toEqual([{
      path: 'entry.rootName',
      message: '"vs-appb" is also the name of the VirtualService of service "appb" in namespace "default"; set `entry.rootName` to another name',
    }]);
    expect(problemEntries(mutated(seedChain, p => { p.entry.rootName = 'vs-appb'; p.entry.rootNamespace = 'istio-system'; }), 'entry')).toEqual([]);
  });

  test('the entry\'s versions are those of the first service of its name', () => {
    const props = mutated(seedChain, p => { p.services.push({ name: 'appa', versions: { v9: {} } }); });
    expect(problemEntries(props, 'entry')).toEqual([]);
  });
});

describe('versions and images, in whole messages', () => {
  test('a baseline of a service without versions is told to be added', () => {
    expect(problemEntries(mutated(seedChain, p => { p.services[1].versions = {}; p.services[1].baseline = 'v1'; }), 'services[1]')).toEqual([
      { path: 'services[1].versions', message: 'of service "appb" is empty; add at least one version, for example `v1: {}`' },
      { path: 'services[1].baseline', message: '"v1" is not a version of "appb"; add it to `versions`' },
    ]);
  });

  test('a version named like a file of the layouts is refused', () => {
    expect(problemEntries(mutated(seedChain, p => { p.services[1].versions.routing = {}; }), 'services[1]')).toEqual([{
      path: 'services[1].versions.routing',
      message: '"routing" is the name of a file the output layouts write (routing.yaml), so the version\'s file and that one would collide; '
        + 'rename the version, for example to "v2". Reserved: 00-namespace, services, routing, kustomization',
    }]);
  });

  test('images set on every version need no default', () => {
    const props = mutated(seedChain, p => {
      delete p.defaults.image;
      for (const service of p.services) for (const version of Object.values(service.versions) as any[]) version.image = 'shop/app:1';
    });
    expect(validateChain(props).problems.list).toEqual([]);
  });

  test('an empty or blank image is refused as empty', () => {
    const props = mutated(seedChain, p => { p.services[0].image = ''; p.services[1].image = '  '; });
    const fix = 'give an image reference such as "registry.example.com/shop/cart:1.4.2"';
    expect(problemEntries(props, 'services')).toEqual([
      { path: 'services[0].image', message: `"" is empty; ${fix}` },
      { path: 'services[1].image', message: `"  " is empty; ${fix}` },
    ]);
  });

  test('"://" after the start of an image is not a URL scheme', () => {
    expect(problemEntries(mutated(seedChain, p => { p.services[1].image = 'shop/cart://1'; }), 'services')).toEqual([]);
  });
});

describe('Kubernetes quantities', () => {
  test.each([
    ['1', 1], ['+2', 2], ['1.25', 1.25], ['.25', 0.25], ['250m', 0.25], ['128Mi', 128 * 2 ** 20], ['1G', 1e9],
    ['1e3', 1000], ['2E12', 2e12], ['1e-3', 0.001], ['1e+3', 1000], ['5e10', 5e10],
  ])('%s is %d', (text, value) => {
    expect(quantityValue(text)).toBeCloseTo(value, 9);
  });

  test.each(['x1', '1x', '250 m', '.', '1.2.3', '.x', '1e', '1ex', '1e1.5', '1Mx'])('%s is not a quantity', text => {
    expect(quantityValue(text)).toBeUndefined();
  });

  test('a malformed CPU or memory quantity is refused with an example of its kind', () => {
    const props = mutated(seedChain, p => { p.services[0].resources = { requests: { cpu: 'x1', memory: '1 Gi' } }; });
    const fix = 'write a number with an optional suffix, such as';
    expect(problemEntries(props, 'services[0]')).toEqual([
      { path: 'services[0].resources.requests.cpu', message: `"x1" is not a Kubernetes quantity; ${fix} "250m" or "0.5"` },
      { path: 'services[0].resources.requests.memory', message: `"1 Gi" is not a Kubernetes quantity; ${fix} "128Mi" or "1Gi"` },
    ]);
  });

  test('a request above its limit is refused, whatever the suffixes or exponents; an equal one passes', () => {
    const props = mutated(seedChain, p => {
      p.services[0].resources = { requests: { cpu: '2', memory: '1e9' }, limits: { cpu: '1500m', memory: '512Mi' } };
      p.services[1].resources = { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1000m', memory: '1024Mi' } };
    });
    const fix = 'Kubernetes refuses a request above its limit, so lower the request or raise the limit';
    expect(problemEntries(props, 'services')).toEqual([
      { path: 'services[0].resources.requests.cpu', message: `"2" is more than the limit "1500m"; ${fix}` },
      { path: 'services[0].resources.requests.memory', message: `"1e9" is more than the limit "512Mi"; ${fix}` },
    ]);
  });
});

describe('the call graph, each finding whole', () => {
  const cycle = (i: number, path: string) => `[services[${i}].calls] form a cycle ${path}; the call graph must be acyclic, remove one of these calls`;

  test('a cycle is found whatever else calls into it', () => {
    const props = mutated(seedChain, p => {
      p.services = [
        { name: 'appb', versions: { v1: {} }, calls: ['appc'] },
        { name: 'appc', versions: { v1: {} }, calls: ['appb'] },
        { name: 'appa', versions: { v1: {}, v2: {} }, calls: ['appb'] },
      ];
    });
    expect(problemLines(props)).toEqual([cycle(0, 'appb -> appc -> appb')]);
  });

  test('a cycle is reported along one shortest path', () => {
    const props = mutated(seedChain, p => {
      p.services[0].calls = ['w'];
      p.services.push(
        { name: 'w', versions: { v1: {} }, calls: ['x', 'y'] },
        { name: 'x', versions: { v1: {} }, calls: ['z'] },
        { name: 'y', versions: { v1: {} }, calls: ['z'] },
        { name: 'z', versions: { v1: {} }, calls: ['w'] },
      );
    });
    expect(problemLines(props)).toEqual([cycle(2, 'w -> x -> z -> w')]);
  });

  test('a service listed twice: its second entry\'s calls make no edges, and it is warned about once', () => {
    const props = mutated(seedChain, p => {
      p.services.push({ name: 'appb', versions: { v1: {} }, calls: ['appa'] }, { name: 'orphan', versions: { v1: {} } }, { name: 'orphan', versions: { v1: {} } });
    });
    const { problems, warnings } = validateChain(props);
    expect(problems.list.map(p => `[${formatPath(p.path)}] ${p.message}`)).toEqual([
      '[services[2].name] "appb" is listed twice (also services[1]); give each service one entry',
      '[services[4].name] "orphan" is listed twice (also services[3]); give each service one entry',
      '[services[2].calls[0]] "appa" is the entry service (`entry.service`), which must be the root of the call graph: nothing may call it. '
      + 'Remove it from these `calls`, or make another service the entry',
    ]);
    expect(warnings.filter(w => w.includes('not reached'))).toEqual([
      'services[3] "orphan" is not reached from the entry "appa": no service on the way calls it, so it is deployed but no lane leads to it; '
      + 'add it to the `calls` of its caller',
    ]);
  });

  test('the entry calling itself is one problem: the self-call', () => {
    expect(problemLines(mutated(seedChain, p => { p.services[0].calls = ['appa', 'appb']; }))).toEqual([
      '[services[0].calls[0]] "appa": a service cannot call itself; remove it from `calls`',
    ]);
  });
});

describe('ports, weights and reserved names, in whole messages', () => {
  test('a port name of 63 characters passes, one of 64 is refused with the rule', () => {
    const props = mutated(seedChain, p => { p.services[0].portName = `http-${'a'.repeat(58)}`; p.services[1].portName = `http-${'a'.repeat(59)}`; });
    expect(problemEntries(props, 'services')).toEqual([{
      path: 'services[1].portName',
      message: `"http-${'a'.repeat(59)}" is not a valid port name: Istio reads the protocol from it, so it must be \`<protocol>\` or \`<protocol>-<suffix>\` `
        + "(at most 63 lowercase letters, digits and '-'), with a protocol among http, http2, https, grpc, grpc-web, tcp, tls, mongo, mysql, redis, udp; "
        + 'for example "http" or "http-web"',
    }]);
  });

  test.each(['http', 'http2-api', 'grpc', 'grpc-web', 'grpc-web-api'])('port name %s routes HTTP, without a warning', portName => {
    const findings = validateChain(mutated(seedChain, p => { p.services[1].portName = portName; }));
    expect(findings.problems.list).toEqual([]);
    expect(findings.warnings).toEqual([]);
  });

  test('a port name of another protocol is warned about, with the protocols that route', () => {
    expect(validateChain(mutated(seedChain, p => { p.defaults.portName = 'https-api'; })).warnings).toEqual([
      'defaults.portName: "https-api" makes Istio treat the port as HTTPS, where the chain\'s HTTP routes (lanes, weights, header routes) do not apply; '
      + 'use one of http, http2, grpc, grpc-web to route by version',
    ]);
  });

  test('weights without traffic to split are told how to get it', () => {
    expect(problemEntries(mutated(seedChain, p => { p.entry.gateways = []; p.entry.mesh = false; p.entry.defaultVersion = 'v1'; }), 'entry.')).toEqual(
      expect.arrayContaining([
        {
          path: 'entry.gatewayWeights',
          message: 'are set but the entry has no gateways, so no gateway traffic reaches them; add `entry.gateways` (or `entry.createGateways`), or remove `gatewayWeights`',
        },
        { path: 'entry.meshWeights', message: 'are set but `entry.mesh` is false, so no mesh traffic reaches them; remove `meshWeights` or set `entry.mesh: true`' },
      ]));
  });

  test('local-path-storage is refused as a namespace, as the injector ignores it', () => {
    expect(problemEntries(mutated(seedChain, p => { p.namespace = 'local-path-storage'; }), 'namespace')).toEqual([{
      path: 'namespace',
      message: '"local-path-storage" is a namespace where the Istio sidecar injector never injects, so the services would run without sidecars '
        + 'and no routing of the chain would apply; use a namespace of your own, such as "shop"',
    }]);
  });

  test('istio-system as the namespace is a warning that says what to prefer', () => {
    expect(validateChain(mutated(seedChain, p => { p.namespace = 'istio-system'; })).warnings).toEqual([
      'namespace: "istio-system" is the Istio control plane\'s namespace, which is usually not labelled for sidecar injection; '
      + 'the services\' pods get a sidecar only if it is. Prefer a namespace of your own, such as "shop"',
    ]);
  });
});

describe('entry routes, each finding whole', () => {
  const meshOnly = (p: LooseProps) => { delete p.entry.gateways; delete p.entry.gatewayWeights; };

  test('a header route on neither a header nor a cookie', () => {
    expect(problemLines(mutated(headers, p => { p.entry.headerRoutes[0] = { exact: 'x', version: 'v1' }; }), 'entry')).toEqual([
      '[entry.headerRoutes[0]] sets neither `header` nor `cookie`; set exactly one',
    ]);
  });

  test('gateway routes without gateways, whether `from` is written or left to its default', () => {
    const props = mutated(headers, p => { meshOnly(p); p.entry.headerRoutes[1].from = ['gateway']; });
    expect(problemLines(props, 'entry.headerRoutes')).toEqual([
      '[entry.headerRoutes[0].from] is `[gateway]` when not set, but the entry has no gateways; add `entry.gateways` or set `from: [mesh]`',
      '[entry.headerRoutes[1].from] includes `gateway` but the entry has no gateways; add `entry.gateways` or set `from: [mesh]`',
    ]);
  });

  test('mesh traffic with neither weights nor a default version', () => {
    expect(problemLines(mutated(seedChain, p => { delete p.entry.meshWeights; }), 'entry')).toEqual([
      '[entry.meshWeights] is missing and there is no `defaultVersion`: mesh requests to the entry would get 404; set one of them, or `mesh: false`',
    ]);
  });

  test('a lane header outside header mode is a warning with both fixes', () => {
    expect(validateChain(mutated(seedChain, p => { p.laneHeader = 'x-team'; })).warnings).toEqual([
      'laneHeader: "x-team" is ignored in laneMode "sourceLabels"; set `laneMode: \'header\'` to carry the lane in that header, or remove `laneHeader`',
    ]);
  });
});

describe('header regexes, in whole messages', () => {
  test('a regex of 1024 characters passes; an invalid one is told how to fix it', () => {
    expect(problemEntries(mutated(headerRoutingChain, p => { p.entry.headerRoutes[0].regex = 'v'.repeat(1024); }), 'entry')).toEqual([]);
    expect(problemEntries(mutated(headerRoutingChain, p => { p.entry.headerRoutes[0].regex = 'v[12'; }), 'entry')).toEqual([{
      path: 'entry.headerRoutes[0].regex',
      message: '"v[12" is not a valid RE2 regular expression: error parsing regexp: missing closing ]: `[12`. Envoy runs header regexes with RE2, '
        + 'which also has no lookahead, lookbehind or backreferences; fix the expression or rewrite it without them',
    }]);
  });
});

describe('the sidecar\'s container name', () => {
  const istioProxy = (p: LooseProps) => { p.services[1].name = 'istio-proxy'; p.services[0].calls = ['istio-proxy']; };

  test('a service named istio-proxy passes when the service, the defaults or every version names the container', () => {
    expect(problemEntries(mutated(seedChain, istioProxy), 'services')).toEqual([]);
    expect(problemEntries(mutated(seedChain, p => { istioProxy(p); delete p.defaults.containerName; p.services[1].containerName = 'app'; }), 'services')).toEqual([]);
    expect(problemEntries(mutated(seedChain, p => {
      istioProxy(p);
      delete p.defaults.containerName;
      p.services[1].versions = { v1: { containerName: 'app' }, v2: { containerName: 'app' } };
    }), 'services')).toEqual([]);
  });

  test('a service named istio-proxy is refused when one version leaves the container unnamed', () => {
    const props = mutated(seedChain, p => {
      istioProxy(p);
      delete p.defaults.containerName;
      p.services[1].versions = { v1: { containerName: 'app' }, v2: {} };
    });
    expect(problemEntries(props, 'services')).toEqual([{
      path: 'services[1].name',
      message: '"istio-proxy" also names the application container, by default, and it is the name of the container the Istio sidecar injector adds; '
        + 'set `containerName` to another name, such as "app", or rename the service',
    }]);
  });
});

describe('gateway references, each problem whole', () => {
  test('a reference without a namespace, or with more than one \'/\', with the form to write', () => {
    const problems = problemLines(mutated(seedChain, p => { p.entry.gateways = ['public-gateway', 'a/b/c']; }), 'entry.gateways');
    const fix = 'Write `<namespace>/<name>`, both DNS-1123 labels (lowercase letters, digits and \'-\'), such as "istio-system/public-gateway"';
    expect(problems).toEqual([
      `[entry.gateways[0]] "public-gateway" is not a valid gateway reference: it has no namespace. ${fix}`,
      `[entry.gateways[1]] "a/b/c" is not a valid gateway reference: it has more than one '/'. ${fix}`,
    ]);
  });
});
