#!/usr/bin/env node
/**
 * First-load JavaScript budget: gzips every script that dist/index.html
 * loads (entry and modulepreloads) plus the service worker, prints the
 * sizes, and fails when the sum passes 100 KB.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const BUDGET_BYTES = 100 * 1000;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/index.html is missing: run `npm run build` first.');
  process.exit(1);
}

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const firstLoad = new Set();
for (const match of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/?([^"]+\.m?js)"/g)) firstLoad.add(match[1]);
if (existsSync(join(dist, 'sw.js'))) firstLoad.add('sw.js');

const gzipped = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

let total = 0;
console.log('First-load JavaScript (gzip -9):');
for (const file of firstLoad) {
  const size = gzipped(file);
  total += size;
  console.log(`  ${file.padEnd(40)} ${kb(size).padStart(9)}`);
}
const lazy = readdirSync(join(dist, 'assets'))
  .filter((file) => file.endsWith('.js') && !firstLoad.has(`assets/${file}`))
  .map((file) => `assets/${file}`);
for (const file of lazy) console.log(`  (lazy) ${file.padEnd(33)} ${kb(gzipped(file)).padStart(9)}`);
console.log(`  ${'total'.padEnd(40)} ${kb(total).padStart(9)}  (budget ${kb(BUDGET_BYTES)})`);

if (total > BUDGET_BYTES) {
  console.error(`Over budget by ${kb(total - BUDGET_BYTES)}.`);
  process.exit(1);
}
