/** Whether `labels` contains every key and value of `required`. */
export function includesLabels(labels: Readonly<Record<string, string>>, required: Readonly<Record<string, string>>): boolean {
  return Object.entries(required).every(([key, value]) => labels[key] === value);
}

/** Something with pod labels in a namespace: a Deployment, a workload's pod template. */
export interface Labelled {
  /** The namespace its pods run in. */
  readonly namespace: string;
  /** The labels of its pods. */
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * Pods' labels indexed by namespace and by each label, so that selecting what carries some
 * labels looks at the items that carry the rarest of them, not at all items.
 */
export class LabelIndex<T extends Labelled> {
  private readonly byLabel = new Map<string, T[]>();
  private readonly byNamespace = new Map<string, T[]>();

  constructor(private readonly items: readonly T[]) {
    for (const item of items) {
      append(this.byNamespace, item.namespace, item);
      for (const [key, value] of Object.entries(item.labels)) append(this.byLabel, labelKey(item.namespace, key, value), item);
    }
  }

  /** The items in `namespace` whose labels include every one of `labelSets`, in their original order. */
  public select(namespace: string, ...labelSets: Array<Readonly<Record<string, string>>>): T[] {
    const required = labelSets.flatMap(labels => Object.entries(labels));
    const candidates = required.length === 0
      ? this.byNamespace.get(namespace) ?? []
      : required
        .map(([key, value]) => this.byLabel.get(labelKey(namespace, key, value)) ?? [])
        .reduce((shortest, list) => (list.length < shortest.length ? list : shortest));
    return candidates.filter(item => labelSets.every(labels => includesLabels(item.labels, labels)));
  }

  /** Every item, in the original order. */
  public all(): readonly T[] {
    return this.items;
  }
}

function labelKey(namespace: string, key: string, value: string): string {
  return `${namespace}\u0000${key}=${value}`;
}

/** Appends to the list of a key, making it on first use. */
export function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
