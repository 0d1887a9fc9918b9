import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, relative } from 'path';
import { Finding, formatFinding, lintPaths } from '../../lib/lint';

/** Writes files (relative path -> text) into a fresh temporary folder and returns the folder. */
export function writeFiles(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'lint-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

/** Formats findings with file names relative to a folder, so expectations can be written by hand. */
export function formatRelative(findings: readonly Finding[], folder: string): string[] {
  return findings.map(finding => formatFinding({ ...finding, file: relative(folder, finding.file) }));
}

/** Writes the files and lints the folder; the findings are formatted with relative file names. */
export function lintFiles(files: Record<string, string>): { folder: string; lines: string[] } {
  const folder = writeFiles(files);
  return { folder, lines: formatRelative(lintPaths([folder]), folder) };
}
