/**
 * What a synth wrote: one file, its path under the output folder and its parsed documents.
 * A list of these is the input of the floor (`documents.json`).
 */
export interface WrittenFile {
  /** Path relative to the output folder, with `/` separators. */
  readonly path: string;
  /** The file's YAML documents, parsed. */
  readonly documents: Record<string, unknown>[];
}
