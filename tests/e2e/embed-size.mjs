// The transfer size of a documentation page with one embedded Nixpad block (figures, not
// a test; scripts/embed-size.sh runs it). Every file fetched from Nixpad's origin is
// counted compressed (gzip -9 and brotli), in two moments:
//   1. the page has loaded (embed.js only: the evaluator loads when a reader points at a
//      block, focuses it or runs it);
//   2. the block has been run and shows its value (the evaluator frame, the worker, its wasm).
//   E2E_DIST=dist node tests/e2e/embed-size.mjs
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const DIST = process.env.E2E_DIST || 'dist';
const BUDGET_KB = 400;
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

function listen(host, handler) {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, host, () => resolve({ server, origin: `http://${host}:${server.address().port}` })));
}
const nixpad = await listen('127.0.0.1', (req, res) => {
  const file = normalize(join(DIST, new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(normalize(DIST)) || !existsSync(file)) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
  res.end(readFileSync(file));
});
const docs = await listen('127.0.0.2', (req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html' });
  res.end(`<!DOCTYPE html><title>Docs</title><link rel="icon" href="data:,"><h1>Docs</h1>
<pre class="nix-playground">builtins.map (x: x * 2) [ 1 2 3 ]</pre>
<script src="${nixpad.origin}/embed.js" defer></script>`);
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext();
const files = new Map();
const pending = [];
context.on('response', (response) => {
  if (!response.url().startsWith(nixpad.origin)) return;
  // Only the bodies here: compressing them (brotli -q 11 of the wasm takes seconds) would
  // block this process while it times the block's run.
  pending.push(response.body().then((body) => {
    files.set(response.url().slice(nixpad.origin.length + 1), body);
  }).catch(() => {}));
});
const sizes = new Map();
function sizeOf(url, body) {
  if (!sizes.has(url)) {
    sizes.set(url, {
      raw: body.length,
      gz: gzipSync(body, { level: 9 }).length,
      br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return sizes.get(url);
}
const page = await context.newPage();

function report(title) {
  let raw = 0, gz = 0, br = 0;
  console.log(title);
  const measured = [...files].map(([url, body]) => [url, sizeOf(url, body)]);
  for (const [url, f] of measured.sort((a, b) => b[1].gz - a[1].gz)) {
    raw += f.raw; gz += f.gz; br += f.br;
    console.log(`  ${url.padEnd(28)} ${String(f.raw).padStart(9)} B raw ${String(f.gz).padStart(8)} B gzip ${String(f.br).padStart(8)} B brotli`);
  }
  console.log(`  ${'TOTAL'.padEnd(28)} ${String(raw).padStart(9)} B raw ${String(gz).padStart(8)} B gzip ${String(br).padStart(8)} B brotli` +
    `  = ${(gz / 1024).toFixed(1)} KiB gzip, ${(br / 1024).toFixed(1)} KiB brotli (budget ${BUDGET_KB} KB gzip)`);
  return gz;
}

await page.goto(`${docs.origin}/`);
await page.locator('.nixpad-embed').waitFor();
await page.waitForLoadState('networkidle');
await Promise.all(pending);
report('A page with one embed, loaded (what every reader fetches from Nixpad):');

const started = Date.now();
await page.locator('.nixpad-embed button').click();
await page.waitForFunction(() => document.querySelector('.nixpad-embed')?.dataset.state === 'done', null, { timeout: 30000 });
const ms = Date.now() - started;
const value = await page.locator('.nixpad-embed pre.out').innerText();
await page.waitForTimeout(200);
await Promise.all(pending);
const total = report(`The same page after its block ran (value ${value}, ${ms} ms from the click, cold):`);
await browser.close();
nixpad.server.close();
docs.server.close();
console.log(total <= BUDGET_KB * 1000 ? `within the ${BUDGET_KB} KB budget` : `OVER the ${BUDGET_KB} KB budget by ${((total - BUDGET_KB * 1000) / 1000).toFixed(1)} KB`);
