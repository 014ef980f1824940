// The first load of the release build, measured in Chromium: every file the page and its
// worker fetch from navigation until the first evaluated result (the performance mark
// "nixpad-first-result"), with its raw, gzip -9 and brotli -q 11 sizes; and the time to
// that result. Used by tests/e2e/bench.mjs (figures for BENCHMARKS.md) and by the size
// budget test in tests/e2e/run.mjs.
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/** The first load must stay within this many bytes, gzip -9, all files together. The
 * issue's goal is 300 KB. Until the first view (index.html's #boot, static/boot.js) the
 * first load was the page and its worker (780 KiB budget, 789.4 KB measured at f43fbb7);
 * now a first visit fetches the page, the evaluator-only worker and nothing else before
 * the default example's value shows (the current figure is in BENCHMARKS.md, written by
 * scripts/web-bench.sh). The budget is a little above it, so that growth fails the test
 * (lower it when the first load shrinks). Raised from 280 to 285 KB when a session of
 * agreement fixes in the evaluator brought the measured load to 280.3 KB; to 290 KB when
 * fromTOML's error reports as Nix's (+4 KB) and SHA-256 built for speed (+2 KB, drv-chain
 * in the worker about 1.6× faster) outweighed the smaller allocator (talc, -3 KB); to
 * 295 KB when messages written as Nix's logger writes them (escape sequences, tab stops by
 * display width), dynamic attribute names shown as Nix shows them and more of Nix's
 * builtin messages brought it to 290.7 KB; to 300 KB, the goal itself, when builtins.sort
 * as libstdc++'s std::stable_sort (the same comparisons as Nix) and Nix's syntax errors for
 * functions where its grammar has none brought it to 296.6 KB; lowered to 290 KB when one
 * stable sort for the browser build (-16 KB) outweighed the quick calls made there too
 * (+2 KB), at 286.0 KB; to 295 KB when syntax errors reported in the order Nix's parser
 * meets them (duplicates read before a later error, what formals and `${ … }` expect, an
 * operand-position `let`) brought the load from 289.5 KB to 292.1 KB (292.4 KB at 2eada48). */
export const FIRST_LOAD_BUDGET = 295 * 1000;
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
  if (name === 'embed-worker_bg.wasm') return 'evaluator wasm';
  if (name === 'embed-worker.js' || name === 'embed_worker_loader.js') return 'evaluator JS';
  if (name.endsWith('.wasm')) return 'page wasm';
  if (name.endsWith('.js')) return 'page JS';
  if (name.endsWith('.css')) return 'CSS';
  if (name.endsWith('.html') || name === '') return 'HTML';
  return name;
}

export const waitFirst = (page) => page.waitForFunction(
  () => performance.getEntriesByName('nixpad-first-result').length > 0, null, { timeout: 20000 });

/** Loads `base` in a fresh context and returns the files requested before the first
 * result (by the page and its workers; the service worker's own requests, which fill the
 * offline cache once the page has loaded, are left out). Requests are timed by the
 * browser's own clock for when each started (the event reaches node later, and under load
 * after the mark) and compared with the mark's time; the bodies are fetched again to be
 * measured, so that a worker that is done and gone (boot.js ends the evaluator-only one)
 * still counts. */
export async function measureFirstLoad(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = [];
  context.on('request', (request) => {
    if (!request.serviceWorker()) seen.push({ request, heard: Date.now() });
  });
  await page.goto(base);
  await waitFirst(page);
  await waitApp(page);
  const [firstAt, appAt] = await page.evaluate(() => {
    const marks = performance.getEntriesByName('nixpad-first-result');
    return [marks[0], marks[marks.length - 1]].map((m) => performance.timeOrigin + m.startTime);
  });
  // A request's start as the browser saw it; when it has no timing (no response was
  // received), when node heard of it.
  const requests = seen.map(({ request, heard }) => {
    const start = request.timing().startTime;
    return { url: request.url(), at: start > 0 ? start : heard };
  });
  await context.close();
  const measured = async (until) => {
    const urls = [...new Set(requests.filter((r) => r.at <= until).map((r) => r.url))];
    const list = [];
    for (const full of urls) {
      const body = Buffer.from(await (await fetch(full)).arrayBuffer());
      const url = full.replace(base, '') || 'index.html';
      list.push({ url, kind: kindOf(url), raw: body.length, gzip: gzip(body), brotli: brotli(body) });
    }
    list.sort((a, b) => b.gzip - a.gzip);
    const sum = (key) => list.reduce((s, f) => s + f[key], 0);
    return { files: list, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
  };
  // `app`: everything fetched until the app's own first result (the editable playground).
  return { ...(await measured(firstAt)), app: await measured(appAt) };
}

/** Waits for the app's own first evaluation (after the first view, if there was one). */
const waitApp = (page) => page.waitForFunction(
  () => Number(document.querySelector('.output')?.dataset.evaluations || 0) >= 1 && !document.getElementById('boot'),
  null, { timeout: 20000 });

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** Navigation to the first evaluated result, cold (a fresh context each run), in ms; and
 * to the app's own first result (`app`, median), which follows on a first visit. */
export async function timeToFirstResult(browser, base, runs) {
  const times = [];
  const appTimes = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base);
    await waitFirst(page);
    await waitApp(page);
    const marks = await page.evaluate(() =>
      performance.getEntriesByName('nixpad-first-result').map((m) => m.startTime));
    times.push(marks[0]);
    appTimes.push(marks[marks.length - 1]);
    await context.close();
  }
  return {
    median: median(times), min: Math.min(...times), max: Math.max(...times), runs,
    app: median(appTimes),
  };
}
