#!/usr/bin/env node
// The service-chain command. `npm ci` builds build/ (the `prepare` script); this file only starts it.
const { existsSync } = require('fs');
const { join } = require('path');

const entry = join(__dirname, '..', 'build', 'cli', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write('service-chain: build/cli/main.js is missing; run `npm run build:js` (npm ci runs it for you)\n');
  process.exit(1);
}
process.exitCode = require(entry).run(process.argv.slice(2));
