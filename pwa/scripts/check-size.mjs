#!/usr/bin/env node
/**
 * First-load JavaScript budget: gzips every script that dist/index.html
 * loads (entry and modulepreloads) plus the service worker, prints the
 * sizes, and fails when the sum passes 100 KB. Every screen is a lazy chunk;
 * the feed's (the screen most visits open on, fetched at start alongside the
 * session check) is added to the first load for a second figure under the
 * same budget: what a signed-in visit to the feed downloads before it shows.
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

// the feed screen's chunk and the chunks it imports statically (Vite's manifest)
const manifestFile = join(dist, '.vite', 'manifest.json');
let withFeed = total;
if (existsSync(manifestFile)) {
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const feed = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || feed.has(chunk.file) || firstLoad.has(chunk.file)) return;
    feed.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit('src/components/feed/FeedPage.tsx');
  for (const file of feed) withFeed += gzipped(file);
  console.log(`  ${'first load + the feed screen'.padEnd(40)} ${kb(withFeed).padStart(9)}  (${feed.size} lazy chunks)`);
}

if (total > BUDGET_BYTES || withFeed > BUDGET_BYTES) {
  console.error(`Over budget by ${kb(Math.max(total, withFeed) - BUDGET_BYTES)}.`);
  process.exit(1);
}
