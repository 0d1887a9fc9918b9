import * as fs from 'fs';
import { SpecError } from './spec-error';
import { MAX_SPEC_BYTES, showSize } from './spec-limits';

/** Refuses a file in one problem about the file as a whole. */
function refuse(fileName: string, message: string): SpecError {
  return new SpecError(fileName, [{ path: '(file)', message }]);
}

/**
 * Reads a spec file as UTF-8 text. A file over {@link MAX_SPEC_BYTES} is refused from its
 * size before it is read; the read itself stops past the limit too, in case the file grows
 * or reports no size (a pipe, a device). Throws {@link SpecError} for anything that cannot be read.
 */
export function readSpecFile(fileName: string): string {
  let fd: number;
  try {
    fd = fs.openSync(fileName, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw refuse(fileName, `cannot be opened: ${reason}`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw refuse(fileName, 'is a directory; give the path of a spec file');
    const tooBig = (size: string) => refuse(fileName, `is ${size}; a spec file may be at most ${showSize(MAX_SPEC_BYTES)}, `
      + 'and a chain spec is a few kilobytes, so check that this is the right file');
    if (stat.size > MAX_SPEC_BYTES) throw tooBig(showSize(stat.size));
    const buffer = Buffer.allocUnsafe(MAX_SPEC_BYTES + 1);
    let length = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > MAX_SPEC_BYTES) throw tooBig(`over ${showSize(MAX_SPEC_BYTES)}`);
    }
    return decodeUtf8(fileName, buffer.subarray(0, length));
  } finally {
    fs.closeSync(fd);
  }
}

/** Decodes UTF-8, dropping a byte order mark; other encodings are refused rather than misread. */
function decodeUtf8(fileName: string, bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw refuse(fileName, 'is not UTF-8 text; save it as UTF-8');
  }
}
