import { ApiObject, JsonPatch } from 'cdk8s';
import { IConstruct, Node } from 'constructs';

/**
 * The pod metadata of a cdk8s-plus workload (`Deployment`, `StatefulSet`...), read without
 * importing cdk8s-plus: the labels its pods get.
 */
export interface PodMetadataLike {
  getLabel(key: string): string | undefined;
  addLabel(key: string, value: string): void;
}

/** A cdk8s-plus workload, seen through what adoption uses: its pod metadata. */
export interface PlusWorkloadLike extends IConstruct {
  readonly podMetadata: PodMetadataLike;
}

/** What can be adopted: a cdk8s-plus workload, an ApiObject with a pod template, or a construct whose default child is one. */
export type AdoptableWorkload = PlusWorkloadLike | ApiObject | IConstruct;

/**
 * Makes `workload`'s pods carry `labels`, the labels the routing selects them by. Labels
 * already there with the same value are kept; another value is an error, as is a workload
 * in another namespace than `namespace` or one without a pod template. The labels are
 * checked again when the app is synthesised, in case something changed them after adoption.
 * @internal
 */
export function adoptWorkload(workload: AdoptableWorkload, labels: Record<string, string>, namespace: string): void {
  const apiObject = apiObjectOf(workload);
  const what = `${apiObject.kind} ${apiObject.name}`;
  const objectNamespace = apiObject.metadata.namespace ?? namespace;
  if (objectNamespace !== namespace) {
    throw new Error(`adoptWorkload: ${what} is in namespace ${JSON.stringify(objectNamespace)}, the chain's services in `
      + `${JSON.stringify(namespace)}; the Service selects pods of its own namespace only, so move one of them`);
  }
  const plus = isPlusWorkload(workload) ? workload : undefined;
  const podLabels = plus ? plusPodLabels(plus, labels) : podTemplate(apiObject, what).metadata?.labels ?? {};
  const found = conflicts(what, podLabels, labels);
  if (found.length > 0) throw new Error(`adoptWorkload: ${found.join('; ')}`);
  // Stryker disable next-line MethodExpression,ConditionalExpression: adding a label again with the value it has changes nothing
  const missing = Object.fromEntries(Object.entries(labels).filter(([key]) => podLabels[key] === undefined));
  if (plus) {
    for (const [key, value] of Object.entries(missing)) plus.podMetadata.addLabel(key, value);
  } else {
    addTemplateLabels(apiObject, podTemplate(apiObject, what), missing);
  }
  Node.of(apiObject).addValidation({
    // Stryker disable next-line OptionalChaining: an ApiObject's JSON is always an object
    validate: () => conflicts(what, (apiObject.toJson() as any)?.spec?.template?.metadata?.labels ?? {}, labels, true),
  });
}

function apiObjectOf(workload: AdoptableWorkload): ApiObject {
  return workload instanceof ApiObject ? workload : ApiObject.of(workload);
}

function isPlusWorkload(workload: AdoptableWorkload): workload is PlusWorkloadLike {
  const candidate = workload as Partial<PlusWorkloadLike>;
  // Stryker disable next-line OptionalChaining: the second test runs only when the first found podMetadata
  return typeof candidate.podMetadata?.addLabel === 'function' && typeof candidate.podMetadata?.getLabel === 'function';
}

/** The pod labels of a cdk8s-plus workload among the keys of `labels`. */
function plusPodLabels(workload: PlusWorkloadLike, labels: Record<string, string>): Record<string, string> {
  const current: Record<string, string> = {};
  for (const key of Object.keys(labels)) {
    const existing = workload.podMetadata.getLabel(key);
    // Stryker disable next-line ConditionalExpression: a key set to undefined reads as a missing label everywhere below (`=== undefined`)
    if (existing !== undefined) current[key] = existing;
  }
  return current;
}

/** A pod template, as far as adoption reads it. */
interface PodTemplate {
  readonly metadata?: { readonly labels?: Record<string, string> };
}

/** The pod template of `apiObject` (`spec.template`); an error when it has none. */
function podTemplate(apiObject: ApiObject, what: string): PodTemplate {
  // Stryker disable next-line OptionalChaining: an ApiObject's JSON is always an object
  const template = (apiObject.toJson() as any)?.spec?.template;
  // Stryker disable next-line ConditionalExpression: cdk8s leaves nulls out of an ApiObject's JSON (a null template reads as none), so this only guards against a change there
  if (template === null || typeof template !== 'object') {
    throw new Error(`adoptWorkload: ${what} has no pod template (spec.template); adopt a Deployment, StatefulSet or another workload with pods`);
  }
  return template;
}

/** Adds `missing` to the labels of `template`, the pod template of `apiObject`, with JSON patches. */
function addTemplateLabels(apiObject: ApiObject, template: PodTemplate, missing: Record<string, string>): void {
  if (Object.keys(missing).length === 0) return;
  const metadata = template.metadata;
  if (metadata?.labels) {
    for (const [key, value] of Object.entries(missing)) {
      apiObject.addJsonPatch(JsonPatch.add(`/spec/template/metadata/labels/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, value));
    }
  } else if (metadata) {
    apiObject.addJsonPatch(JsonPatch.add('/spec/template/metadata/labels', missing));
  } else {
    apiObject.addJsonPatch(JsonPatch.add('/spec/template/metadata', { labels: missing }));
  }
}

/** The labels of `want` that `have` sets to another value (or, `strict`, leaves out), as messages. */
function conflicts(what: string, have: Record<string, string>, want: Record<string, string>, strict = false): string[] {
  return Object.entries(want).flatMap(([key, value]) => {
    if (have[key] === value || (!strict && have[key] === undefined)) return [];
    return [`the pods of ${what} have label ${key}: ${JSON.stringify(have[key] ?? null)}, where the routing selects `
      + `${key}: ${JSON.stringify(value)}; remove that label or adopt the workload for the version it names`];
  });
}
