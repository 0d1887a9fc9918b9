/** How many other objects a finding names before it only counts the rest. */
export const NAMED_OTHERS = 3;

/**
 * For items that fall into groups (copies with the same content, objects with the same
 * identity...), the text naming, for each item, the items of the other groups: the first
 * {@link NAMED_OTHERS} in order, then how many more there are. `a.yaml (document 1), b.yaml
 * (document 2) and 9998 more`. Items of one group get the same text, computed once, so the
 * whole takes time linear in the number of items, however many there are.
 *
 * @returns one text per item, in the order of `items`; `undefined` for items whose group is the only one.
 */
export function otherGroupsNamed<T>(items: readonly T[], groupOf: (item: T) => string, name: (item: T) => string): Array<string | undefined> {
  const groups = items.map(groupOf);
  const sizes = new Map<string, number>();
  for (const group of groups) sizes.set(group, (sizes.get(group) ?? 0) + 1);
  const texts = new Map<string, string | undefined>();
  return groups.map(group => {
    if (!texts.has(group)) texts.set(group, namedOthers(items, groups, group, items.length - sizes.get(group)!, name));
    return texts.get(group);
  });
}

/** The first few items outside `group`, found by scanning past the group's own items once. */
function namedOthers<T>(items: readonly T[], groups: string[], group: string, others: number, name: (item: T) => string): string | undefined {
  if (others === 0) return undefined;
  const named: string[] = [];
  for (let i = 0; i < items.length && named.length < NAMED_OTHERS; i++) {
    if (groups[i] !== group) named.push(name(items[i]));
  }
  const rest = others - named.length;
  return rest === 0 ? named.join(', ') : `${named.join(', ')} and ${rest} more`;
}
