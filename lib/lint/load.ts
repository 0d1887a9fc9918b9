import * as fs from 'fs';
import * as path from 'path';
import { Composer, Document, DocumentOptions, LineCounter, ParseOptions, Parser, SchemaOptions, YAMLError } from 'yaml';
import { findYamlHazards, YamlHazard } from './ambiguous-scalars';
import { Finding } from './findings';
import { show } from '../diagnostics/problems';
import { compareText, flattenLists } from '../manifests';

/** One Kubernetes object read from a manifest file. */
export interface LoadedManifest {
  /** The file it came from, as named or as found in a named folder: `dist/routing.yaml`. */
  readonly file: string;
  /** The position of its YAML document in the file, counting from 0 (0 for JSON). */
  readonly index: number;
  /** The object as parsed: a mapping with at least `apiVersion` and `kind` strings. */
  readonly object: Record<string, unknown>;
  /**
   * What its YAML holds that readers do not read alike (see `checkYamlHazards`).
   * @default - none (JSON, or nothing found)
   */
  readonly yamlHazards?: readonly YamlHazard[];
}

/** What {@link loadManifests} read: the objects, and what could not be read. */
export interface LoadResult {
  /** The objects, in file order (folders sorted by name), then document order. */
  readonly manifests: LoadedManifest[];
  /** Files that could not be read and documents that do not parse or are no Kubernetes object. */
  readonly findings: Finding[];
}

/**
 * The largest manifest file read: bigger files are a finding, refused before they are read.
 * Kubernetes stores no object over about 1.5 MB, so 8 MB holds any real set of objects; parsed,
 * it takes a few hundred MB at most, so a folder of such files is read in bounded memory.
 */
export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

/**
 * The deepest nesting of lists and mappings in a manifest. Kubernetes objects nest a few dozen
 * levels at most (CRD schemas the deepest); deeper documents are a finding, before any check
 * walks them recursively.
 */
export const MAX_MANIFEST_DEPTH = 200;

/** The most alias expansions a YAML document may need (an "alias bomb" grows exponentially). */
const MAX_ALIAS_COUNT = 100;

/**
 * YAML read the way kubectl reads it (go-yaml v2, YAML 1.1): `on`, `off`, `yes`, `no`, `y`
 * and `n` are booleans and `0755` is octal, so an unquoted `version: on` is caught as the
 * boolean the API server would get. Like go-yaml v2, and unlike YAML 1.1 proper, dates
 * stay strings and `1:20` is no base-60 number; merge keys (`<<`) are honoured.
 */
const KUBECTL_YAML: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  merge: true,
  customTags: tags => tags.filter(tag => typeof tag === 'string'
    || (tag.tag !== 'tag:yaml.org,2002:timestamp' && tag.format !== 'TIME')),
};

/** File endings read when walking a folder. */
const MANIFEST_FILE = /\.(ya?ml|json)$/i;
/** Kustomize's own files, skipped when walking a folder: they are not manifests. */
const KUSTOMIZATION_FILES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);

/**
 * Reads Kubernetes manifests from files and folders. A folder is walked recursively in
 * name order, reading `.yaml`, `.yml` and `.json` files and skipping kustomization files
 * and names starting with a dot; a file named directly is read whatever its name. YAML
 * files may hold several documents; empty documents are skipped. YAML is read as kubectl
 * reads it: YAML 1.1 booleans (`on`, `yes`, `y`...) and octals.
 *
 * Only regular files are read, each up to {@link MAX_MANIFEST_BYTES}. A symbolic link found
 * in a folder is followed only if it leads to a place inside that folder (as the paths were
 * named); one that leads out is a finding and is not read. A path named directly is read
 * wherever it leads: whoever named it chose it.
 *
 * Nothing throws for bad input: a path that cannot be read (missing, unreadable, not a regular
 * file, too big, not UTF-8), a document that does not parse or nests too deep, or one that is not a
 * mapping with `apiVersion` and `kind`, becomes a finding. The other documents of a file with a
 * broken document are still read.
 */
export function loadManifests(paths: readonly string[]): LoadResult {
  const manifests: LoadedManifest[] = [];
  const findings: Finding[] = [];
  const seenFolders = new Set<string>();
  const problem = (file: string, message: string) => findings.push({ file, object: '', message });

  /** Walks a folder; `root` is the real path the walk started from, which links must stay inside. */
  const walk = (folder: string, realFolder: string, root: string): void => {
    if (seenFolders.has(realFolder)) return;
    seenFolders.add(realFolder);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      problem(folder, `cannot be read: ${reason(error)}`);
      return;
    }
    for (const entry of entries.sort((a, b) => compareText(a.name, b.name))) {
      if (entry.name.startsWith('.') || KUSTOMIZATION_FILES.has(entry.name)) continue;
      const child = path.join(folder, entry.name);
      const type = entryType(entry, child);
      if (type === 'folder') walk(child, path.join(realFolder, entry.name), root);
      else if (type === 'link') followLink(child, root);
      else if (MANIFEST_FILE.test(entry.name)) readFile(child, manifests, findings);
    }
  };

  const followLink = (link: string, root: string): void => {
    let target: string;
    let stat: fs.Stats;
    try {
      target = fs.realpathSync(link);
      stat = fs.statSync(target);
    } catch (error) {
      if (MANIFEST_FILE.test(link)) problem(link, `cannot be read: ${reason(error)}`);
      return;
    }
    if (!stat.isDirectory() && !MANIFEST_FILE.test(link)) return;
    if (!isInside(target, root)) {
      problem(link, `is a symbolic link to a place outside ${root}; not followed (name that place itself to validate it)`);
      return;
    }
    if (stat.isDirectory()) walk(link, target, root);
    else readFile(target, manifests, findings, link);
  };

  for (const given of paths) {
    let real: string;
    let stat: fs.Stats;
    try {
      real = fs.realpathSync(given);
      stat = fs.statSync(real);
    } catch (error) {
      problem(given, `cannot be read: ${reason(error)}`);
      continue;
    }
    if (stat.isDirectory()) walk(given, real, real);
    else readFile(real, manifests, findings, given);
  }
  return { manifests, findings };
}

/** Whether a folder entry is a folder, a symbolic link or something else, asking the file system when the listing does not say. */
function entryType(entry: fs.Dirent, file: string): 'folder' | 'link' | 'other' {
  const known = entry.isFile() || entry.isDirectory() || entry.isSymbolicLink() || entry.isFIFO()
    || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice();
  let stat: fs.Dirent | fs.Stats = entry;
  if (!known) {
    try {
      stat = fs.lstatSync(file);
    } catch {
      return 'other';
    }
  }
  return stat.isDirectory() ? 'folder' : stat.isSymbolicLink() ? 'link' : 'other';
}

/** Whether `target` (a real path) is `root` or lies below it. */
function isInside(target: string, root: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'ELOOP') return 'a symbolic link loops or was replaced';
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** What a non-regular file is, in words. */
function fileType(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** Shows a size the way people read it: `10.0 MB`. */
function showSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${bytes} bytes`;
}

/**
 * The text of a regular file of at most {@link MAX_MANIFEST_BYTES}, or why it cannot be read.
 * The file is opened without following a final symbolic link and without blocking (a pipe put
 * in its place is seen for what it is), and the read stops past the limit whatever the size said.
 */
function readText(file: string): { text: string } | { problem: string } {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch (error) {
    return { problem: `cannot be read: ${reason(error)}` };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { problem: `is ${fileType(stat)}, not a regular file; only regular files are read` };
    const tooBig = (size: string) => ({
      problem: `is ${size}; a manifest file may be at most ${showSize(MAX_MANIFEST_BYTES)}: split it, or check that this is the right file`,
    });
    if (stat.size > MAX_MANIFEST_BYTES) return tooBig(showSize(stat.size));
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, MAX_MANIFEST_BYTES) + 1);
    let length = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > MAX_MANIFEST_BYTES) return tooBig(`over ${showSize(MAX_MANIFEST_BYTES)}`);
      if (length === buffer.length) return { problem: 'grew while it was read; validate it when it is complete' };
    }
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length)) };
    } catch {
      return { problem: 'is not UTF-8 text; manifests are read as UTF-8' };
    }
  } catch (error) {
    return { problem: `cannot be read: ${reason(error)}` };
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads the documents of one file; `shownAs` is the name findings use (the link or path as given). */
function readFile(file: string, manifests: LoadedManifest[], findings: Finding[], shownAs = file): void {
  const read = readText(file);
  if ('problem' in read) {
    findings.push({ file: shownAs, object: '', message: read.problem });
    return;
  }

  const accept = (index: number, value: unknown, yamlHazards: readonly YamlHazard[] = []): void => {
    if (value === null || value === undefined) return;
    const problem = notAnObject(value);
    if (problem) {
      findings.push({ file: shownAs, index, object: `document ${index + 1}`, message: problem });
      return;
    }
    const hazards = yamlHazards.length > 0 ? { yamlHazards } : {};
    const record = value as Record<string, unknown>;
    // A List (what `kubectl get -o yaml` prints) stands for its items: each is read as an object of the document.
    const objects = record.kind === 'List' && Array.isArray(record.items) ? flattenLists(record.items) : [record];
    for (const object of objects) {
      if (notAnObject(object)) findings.push({ file: shownAs, index, object: `document ${index + 1}`, message: `an item of the List ${notAnObject(object)!}` });
      else manifests.push({ file: shownAs, index, object, ...hazards });
    }
  };

  if (/\.json$/i.test(file)) {
    let value: unknown;
    try {
      value = JSON.parse(read.text);
    } catch (error) {
      findings.push({ file: shownAs, index: 0, object: '', message: `does not parse as JSON: ${(error as Error).message}` });
      return;
    }
    const shape = shapeProblem(value, read.text.length);
    if (shape) findings.push({ file: shownAs, index: 0, object: 'document 1', message: shape });
    else accept(0, value);
    return;
  }

  forEachYamlDocument(read.text, (document, index, lines) => {
    const what = `document ${index + 1}`;
    if (document.errors.length > 0) {
      const first = document.errors[0];
      const message = first.code === 'RESOURCE_EXHAUSTION' ? TOO_DEEP : `does not parse as YAML: ${errorLine(first, lines)}`;
      findings.push({ file: shownAs, index, object: what, message });
      return;
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      findings.push({ file: shownAs, index, object: what, message: `cannot be read: ${(error as Error).message}` });
      return;
    }
    const shape = shapeProblem(value, read.text.length);
    if (shape) findings.push({ file: shownAs, index, object: what, message: shape });
    else accept(index, value, findYamlHazards(document, read.text));
  });
}

/**
 * Parses the YAML documents of a text one at a time, each dropped before the next is parsed,
 * so that memory holds one document's syntax tree at a time, not the whole file's.
 */
function forEachYamlDocument(text: string, visit: (document: Document.Parsed, index: number, lines: LineCounter) => void): void {
  const lines = new LineCounter();
  const parser = new Parser(lines.addNewLine);
  const composer = new Composer(KUBECTL_YAML);
  let index = 0;
  for (const document of composer.compose(parser.parse(text))) visit(document, index++, lines);
}

/** The first line of a YAML error, with where it is: `Nested mappings are not allowed ... at line 4, column 1`. */
function errorLine(error: YAMLError, lines: LineCounter): string {
  const message = error.message.split('\n')[0].replace(/:$/, '');
  if (error.pos[0] < 0) return message;
  const { line, col } = lines.linePos(error.pos[0]);
  return `${message} at line ${line}, column ${col}`;
}

const TOO_DEEP = `nests lists and mappings more than ${MAX_MANIFEST_DEPTH} levels deep; no Kubernetes object needs that many`;

/**
 * Why a parsed value is too big to check, or `undefined`: it nests deeper than
 * {@link MAX_MANIFEST_DEPTH}, or its aliases make it hold more values than its file has
 * characters (written out, every value takes at least one). Found without recursion, and
 * before any check walks the value.
 */
function shapeProblem(root: unknown, textLength: number): string | undefined {
  const limit = Math.max(textLength, 1000);
  const stack: Array<[unknown, number]> = [[root, 0]];
  let values = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (++values > limit) return `its YAML aliases expand to more than ${limit} values; write the values out`;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_MANIFEST_DEPTH) return TOO_DEEP;
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push([child, depth + 1]);
  }
  return undefined;
}

/** Why a parsed document is no Kubernetes object, or `undefined` if it is one. */
function notAnObject(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `is not a Kubernetes object: expected a mapping with apiVersion and kind, found ${Array.isArray(value) ? 'a list' : show(value)}`;
  }
  const record = value as Record<string, unknown>;
  const missing = ['apiVersion', 'kind'].filter(key => typeof record[key] !== 'string' || record[key] === '');
  if (missing.length > 0) return `is not a Kubernetes object: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing or not a string`;
  return undefined;
}
