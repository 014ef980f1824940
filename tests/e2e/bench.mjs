// Budgets of the release build, measured in headless Chromium on loopback (not a test:
// it prints figures). Called by scripts/web-bench.sh with BENCH_URL set.
//   1. first-load transfer: every file the page fetches until the first result, gzip -9;
//   2. navigation -> first evaluated result (performance mark "nixpad-first-result");
//   3. evaluation time in the worker of each example (median of several runs).
import { chromium } from 'playwright-core';
import { gzipSync } from 'node:zlib';

const BASE = process.env.BENCH_URL || 'http://127.0.0.1:8080/';
const RUNS = Number(process.env.BENCH_RUNS || 7);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const waitFirst = (page) => page.waitForFunction(() => performance.getEntriesByName('nixpad-first-result').length > 0,
  null, { timeout: 20000 });

// 1. Transfer size of a cold first load.
{
  const context = await browser.newContext();
  const page = await context.newPage();
  const files = [];
  const pending = [];
  const record = (response) => {
    pending.push(response.body().then((body) => {
      files.push({ url: response.url().replace(BASE, ''), raw: body.length, gz: gzipSync(body, { level: 9 }).length });
    }).catch(() => {}));
  };
  page.on('response', record);
  context.on('serviceworker', () => {});
  page.on('worker', (w) => w.on('close', () => {}));
  // Worker requests are not page responses: fetch them the same way through the context.
  context.on('response', record);
  await page.goto(BASE);
  await waitFirst(page);
  await page.waitForTimeout(300);
  await Promise.all(pending);
  const seen = new Map();
  for (const f of files) seen.set(f.url, f);
  const list = [...seen.values()].sort((a, b) => b.gz - a.gz);
  let raw = 0, gz = 0;
  console.log('First-load transfer (all files fetched until the first result):');
  for (const f of list) {
    raw += f.raw; gz += f.gz;
    console.log(`  ${(f.url || 'index.html').padEnd(44)} ${String(f.raw).padStart(8)} B raw ${String(f.gz).padStart(8)} B gzip`);
  }
  console.log(`  ${'TOTAL'.padEnd(44)} ${String(raw).padStart(8)} B raw ${String(gz).padStart(8)} B gzip  = ${(gz / 1024).toFixed(1)} KiB gzip (goal <= 500 KB)`);
  await context.close();
}

// 2. Navigation to first evaluated result, cold (fresh context each run).
{
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(BASE);
    await waitFirst(page);
    times.push(await page.evaluate(() => performance.getEntriesByName('nixpad-first-result')[0].startTime));
    await context.close();
  }
  console.log(`Navigation -> first evaluated result (cold, ${RUNS} runs): median ${median(times).toFixed(0)} ms, ` +
    `min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms (goal <= 500 ms)`);
}

// 3. Evaluation time in the worker, per example.
{
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(BASE + '#/examples');
  const ids = await page.locator('[data-example]').evaluateAll((els) => els.map((e) => e.dataset.example));
  console.log(`Evaluation time in the worker (median of ${RUNS} runs; evaluator set-up + eval + first view):`);
  for (const id of ids) {
    await page.goto(BASE + '#/examples');
    await page.click(`[data-example="${id}"] button`);
    await page.waitForFunction(() => location.hash === '#/' && document.querySelector('.output')?.dataset.busy === 'false');
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const before = await page.evaluate(() => Number(document.querySelector('.output').dataset.evaluations));
      await page.click('[data-testid=run]');
      await page.waitForFunction((n) => {
        const o = document.querySelector('.output');
        return Number(o.dataset.evaluations) > n && o.dataset.busy === 'false';
      }, before, { timeout: 20000 });
      times.push(Number(await page.locator('.output').getAttribute('data-eval-ms')));
    }
    const failed = await page.locator('[data-testid=error], [data-testid=stopped]').count();
    console.log(`  ${id.padEnd(20)} ${median(times).toFixed(2).padStart(8)} ms${failed ? '  (evaluation error)' : ''}`);
  }
  await context.close();
}
await browser.close();
