/**
 * Compares two names in natural order: runs of digits compare as numbers,
 * so `v2` sorts before `v10`. Ties fall back to plain code-point order, so the
 * order is total and the same on every machine.
 */
export function compareNatural(a: string, b: string): number {
  const left = a.match(/\d+|\D+/g) ?? [];
  const right = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (x === y) continue;
    // Stryker disable next-line Regex: a run is all digits or none, so its first character says which
    const bothNumbers = /^\d/.test(x) && /^\d/.test(y);
    if (bothNumbers && Number(x) !== Number(y)) return Number(x) - Number(y);
    // Stryker disable next-line EqualityOperator: x === y was passed over above, so `<` and `<=` agree
    return x < y ? -1 : 1;
  }
  // Here every common run is equal, so the shorter name is a prefix of the longer: the length
  // difference and the code-point order below have the same sign, and equal lengths mean a === b.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: same sign either way (above)
  if (left.length !== right.length) return left.length - right.length;
  // Stryker disable next-line all: only reached when a === b (above)
  return a < b ? -1 : a > b ? 1 : 0;
}
