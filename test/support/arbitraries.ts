import * as fc from 'fast-check';

/** Integer weights over the versions adding up to 100, at least one of them above 0. */
export const weightsFor = (versions: string[]) => fc.array(fc.nat({ max: 100 }), { minLength: versions.length, maxLength: versions.length })
  .filter(raw => raw.some(x => x > 0))
  .map(raw => {
    const total = raw.reduce((a, b) => a + b, 0);
    const weights = raw.map(x => Math.floor((x * 100) / total));
    weights[weights.findIndex(x => x > 0)] += 100 - weights.reduce((a, b) => a + b, 0);
    return Object.fromEntries(versions.map((v, i) => [v, weights[i]]));
  });
