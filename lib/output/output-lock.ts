import { randomBytes } from 'crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'fs';
import { hostname } from 'os';
import { join } from 'path';
import { BOOKKEEPING_PREFIX } from './ownership';

/** The lock file in an output folder while a write runs: `pid <pid>`, `host <name>` and a random token. */
export const LOCK_FILE = `${BOOKKEEPING_PREFIX}lock`;

/** A lock file moved aside while a dead process's lock is taken over. */
export const STALE_LOCK_PREFIX = `${LOCK_FILE}.stale-`;

/** Who holds a lock, as its file says. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly text: string;
}

/**
 * Takes the lock of an output folder: a file created exclusively (O_EXCL) holding this
 * process's pid. A lock whose process is gone on this host is taken over; a lock of a live
 * process, or of another host, is an error saying who holds it. Returns the release.
 */
export function acquireOutputLock(folder: string, given: string): () => void {
  const path = join(folder, LOCK_FILE);
  const text = `pid ${process.pid}\nhost ${hostname()}\ntoken ${randomBytes(8).toString('hex')}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      try {
        writeSync(fd, text);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      return () => releaseLock(path, text);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readLockHolder(path);
    if (holder && isAlive(holder)) throw new Error(lockHeldMessage(given, holder));
    if (holder) takeOver(path, holder);
  }
  throw new Error(`${given}: could not take the lock ${join(given, LOCK_FILE)}, which other processes keep taking; try again`);
}

/** Says who holds the lock of the output folder `given`, and what to do. */
export function lockHeldMessage(given: string, holder: LockHolder): string {
  const who = Number.isInteger(holder.pid) ? `pid ${holder.pid} on ${holder.host || 'an unnamed host'}` : 'its lock file cannot be read';
  return `${given} is being written by another service-chain synth (${who}); wait for it to finish. `
    + `If no such process runs, remove ${join(given, LOCK_FILE)}`;
}

/** Reads a lock file; undefined when it is gone. */
export function readLockHolder(path: string): LockHolder | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const pid = Number(/^pid (\d+)$/m.exec(text)?.[1] ?? NaN);
  const host = /^host (.*)$/m.exec(text)?.[1] ?? '';
  return { pid, host, text };
}

/** Whether the holder may still run: a live pid on this host, or any lock of another host or that cannot be read. */
export function isAlive(holder: LockHolder): boolean {
  if (!Number.isInteger(holder.pid) || holder.pid <= 0 || holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves a dead process's lock aside, atomically, and deletes it. When what was moved is not
 * that lock (another process took it over first), it is put back, and the next attempt sees it.
 */
function takeOver(path: string, stale: LockHolder): void {
  const aside = `${path}.stale-${randomBytes(8).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readLockHolder(aside)?.text !== stale.text) {
    try {
      linkSync(aside, path);
    } catch {
      // a third process holds the lock now; the next attempt reports it
    }
  }
  unlinkSync(aside);
}

function releaseLock(path: string, text: string): void {
  if (readLockHolder(path)?.text === text) unlinkSync(path);
}
