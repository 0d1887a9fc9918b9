import { createHash } from 'crypto';
import { closeSync, fchmodSync, fsyncSync, openSync, readFileSync, writeSync } from 'fs';

/** The sha256 of a text or file content, in hex, as `sha256sum` prints it. */
export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The sha256 of the file at `path`. */
export function fileSha256(path: string): string {
  return sha256(readFileSync(path));
}

/**
 * Creates `path` exclusively (it must not exist), writes `content` and flushes it to the
 * disk before returning, so that a rename of it that survives a crash also has its content.
 * @param mode the file's permission bits, set exactly (the umask does not apply); @default 0o666 less the umask
 */
export function writeNewFileDurably(path: string, content: string, mode?: number): void {
  const fd = openSync(path, 'wx', 0o666);
  try {
    if (mode !== undefined) fchmodSync(fd, mode);
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (created, renamed or removed files) to the disk. */
export function fsyncFolder(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
