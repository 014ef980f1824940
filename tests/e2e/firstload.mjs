// The first load of the release build, measured in Chromium: every file the page and its
// worker fetch from navigation until the first evaluated result (the performance mark
// "nixpad-first-result"), with its raw, gzip -9 and brotli -q 11 sizes; and the time to
// that result. Used by tests/e2e/bench.mjs (figures for BENCHMARKS.md) and by the size
// budget test in tests/e2e/run.mjs.
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/** The first load must stay within this many bytes, gzip -9, all files together. The
 * issue's goal is 300 KB; this budget is the size reached so far plus a little room, so
 * that any growth fails the test (lower it when the first load shrinks). Raised from
 * 640 KiB to 750 KiB when flakes came into the worker (nixpad-flake: lesson flake mode and
 * the Flake tab with templates and the registry, +70 KB) and the Options and Flake tabs
 * into the page (+35 KB): 742 KiB measured. Raised again to 780 KiB for the rebuild impact
 * view (nixpkgs-lite's impact analysis in the worker, its view in the page) and the engine
 * work of the same session (heap-frame builtins, shared sources): 770 KiB measured. Moving
 * lesson checks, flakes and the impact analysis into a worker started only when needed
 * takes that back (issue 15). */
export const FIRST_LOAD_BUDGET = 780 * 1024;
/** The goal (issue 15): 300 KB gzip from navigation to the first evaluated result. */
export const FIRST_LOAD_GOAL = 300 * 1000;

const gzip = (b) => gzipSync(b, { level: 9 }).length;
const brotli = (b) => brotliCompressSync(b, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length },
}).length;

/** What a fetched file is, for the breakdown. */
export function kindOf(url) {
  const name = url.split('?')[0].split('/').pop() || 'index.html';
  if (name === 'worker_bg.wasm') return 'worker wasm';
  if (name === 'worker.js' || name === 'worker_loader.js') return 'worker JS';
  if (name.endsWith('.wasm')) return 'page wasm';
  if (name.endsWith('.js')) return 'page JS';
  if (name.endsWith('.css')) return 'CSS';
  if (name.endsWith('.html') || name === '') return 'HTML';
  return name;
}

export const waitFirst = (page) => page.waitForFunction(
  () => performance.getEntriesByName('nixpad-first-result').length > 0, null, { timeout: 20000 });

/** Loads `base` in a fresh context and returns the files fetched until the first result. */
export async function measureFirstLoad(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pending = [];
  const files = new Map();
  let done = false;
  // Worker requests are not page responses: listen on the context too.
  // The service worker's own requests (it fills the offline cache once the page has
  // loaded) are not part of what the first result needs: they are left out.
  context.on('response', (response) => {
    if (done || response.request().serviceWorker()) return;
    pending.push(response.body().then((body) => {
      const url = response.url().replace(base, '') || 'index.html';
      files.set(url, { url, kind: kindOf(url), raw: body.length, gzip: gzip(body), brotli: brotli(body) });
    }).catch(() => {}));
  });
  await page.goto(base);
  await waitFirst(page);
  done = true;
  await Promise.all(pending);
  await context.close();
  const list = [...files.values()].sort((a, b) => b.gzip - a.gzip);
  const sum = (key) => list.reduce((s, f) => s + f[key], 0);
  return { files: list, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** Navigation to the first evaluated result, cold (a fresh context each run), in ms. */
export async function timeToFirstResult(browser, base, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base);
    await waitFirst(page);
    times.push(await page.evaluate(() => performance.getEntriesByName('nixpad-first-result')[0].startTime));
    await context.close();
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), runs };
}
