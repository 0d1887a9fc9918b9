import { readFileSync } from 'fs';
import { join } from 'path';
import { listFiles } from '../lib/output/drift';

/** The library is generic: nothing of the seed (its services, image, address, gateway or secret) appears in lib/. */
test('no service name, image or address of the seed appears in lib/', () => {
  const seedWords = /\bapp[abc]\b|192\.168\.1\.106|hjmtest|go-http-sample|app-gw|default-secret|myhuaweicloud/;
  const lib = join(__dirname, '..', 'lib');
  const offenders = listFiles(lib).filter(path => seedWords.test(readFileSync(join(lib, path), 'utf8')));
  expect(offenders).toEqual([]);
  expect(listFiles(lib).length).toBeGreaterThan(50);
});
