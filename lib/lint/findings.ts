import { compareText } from '../manifests';

/** One thing wrong with a manifest, found by {@link loadManifests} or {@link lintManifests}. */
export interface Finding {
  /** The file the manifest came from, as it was named or found: `dist/routing.yaml`. */
  readonly file: string;
  /**
   * The position of the YAML document in the file, counting from 0 (always 0 for JSON).
   * @default undefined - the finding concerns the file as a whole
   */
  readonly index?: number;
  /**
   * The object: `"VirtualService default/vs-web"` (the namespace defaults to `default`),
   * `"document 3"` for a document that is no Kubernetes object, or `''` when the finding
   * concerns the file as a whole.
   */
  readonly object: string;
  /** What is wrong, in plain words, starting with the field path where there is one. */
  readonly message: string;
}

/** Formats a finding on one line: `<file>: <Kind> <ns>/<name>: <message>`, or `<file>: <message>` without an object. */
export function formatFinding(finding: Finding): string {
  return finding.object ? `${finding.file}: ${finding.object}: ${finding.message}` : `${finding.file}: ${finding.message}`;
}

/** The most findings `service-chain validate` prints; it counts the rest. */
export const MAX_PRINTED_FINDINGS = 100;

/**
 * Findings formatted one per line, the first `limit` of them, then a line counting the rest:
 * `... and 9900 more findings`. However many findings there are, the text stays readable.
 */
export function formatFindings(findings: readonly Finding[], limit = MAX_PRINTED_FINDINGS): string[] {
  const lines = findings.slice(0, limit).map(formatFinding);
  const rest = findings.length - lines.length;
  if (rest > 0) lines.push(`... and ${rest} more finding${rest === 1 ? '' : 's'}`);
  return lines;
}

/**
 * Orders findings by file, then document index (whole-file findings first), then message,
 * comparing strings by code unit so the order is the same on every machine.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return compareText(a.file, b.file)
    || (a.index ?? -1) - (b.index ?? -1)
    || compareText(a.message, b.message)
    || compareText(a.object, b.object);
}

/** Returns the findings sorted with {@link compareFindings}; the input is left as it is. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}
