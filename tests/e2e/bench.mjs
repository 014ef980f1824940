// Budgets of the release build, measured in headless Chromium on loopback. Called by
// scripts/web-bench.sh with BENCH_URL set; prints the figures and, with BENCH_MD=FILE,
// writes them as the Markdown section of BENCHMARKS.md (the script splices it in).
//   1. first-load transfer: every file fetched until the first result, gzip -9 and brotli;
//   2. navigation -> first evaluated result (performance mark "nixpad-first-result");
//   3. evaluation time in the worker of each example (median of several runs);
//   4. the miniature nixpkgs in the worker: hello's drvPath, and every package's drvPath
//      with the two test overlays (the workloads of scripts/bench-nixpkgs.sh);
//   5. the evaluator's workloads (bench/*.nix) in the worker, next to the same evaluation
//      natively in one process (BENCH_NATIVE: JSON of `nixpad eval --bench` medians).
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { measureFirstLoad, timeToFirstResult, FIRST_LOAD_BUDGET, FIRST_LOAD_GOAL } from './firstload.mjs';

const BASE = process.env.BENCH_URL || 'http://127.0.0.1:8080/';
const RUNS = Number(process.env.BENCH_RUNS || 7);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const kb = (n) => (n / 1000).toFixed(1);

// 1. Transfer size of a cold first load.
const load = await measureFirstLoad(browser, BASE);
console.log('First-load transfer (all files fetched until the first result):');
for (const f of load.files) {
  console.log(`  ${f.url.padEnd(44)} ${String(f.raw).padStart(8)} B raw ${String(f.gzip).padStart(8)} B gzip ${String(f.brotli).padStart(8)} B brotli`);
}
console.log(`  ${'TOTAL'.padEnd(44)} ${String(load.raw).padStart(8)} B raw ${String(load.gzip).padStart(8)} B gzip ${String(load.brotli).padStart(8)} B brotli`
  + ` (goal <= ${kb(FIRST_LOAD_GOAL)} KB gzip, CI budget ${kb(FIRST_LOAD_BUDGET)} KB)`);
const byKind = new Map();
for (const f of load.files) {
  const k = byKind.get(f.kind) || { raw: 0, gzip: 0, brotli: 0 };
  k.raw += f.raw; k.gzip += f.gzip; k.brotli += f.brotli;
  byKind.set(f.kind, k);
}

// 2. Navigation to first evaluated result, cold (fresh context each run).
const first = await timeToFirstResult(browser, BASE, RUNS);
console.log(`Navigation -> first evaluated result (cold, ${RUNS} runs): median ${first.median.toFixed(0)} ms, `
  + `min ${first.min.toFixed(0)} ms, max ${first.max.toFixed(0)} ms (goal <= 300 ms)`);

// Runs the playground's program once: its evaluation time in the worker (ms), and whether
// it ended in an error or a stop.
const runProgram = async (page) => {
  const before = await page.evaluate(() => Number(document.querySelector('.output').dataset.evaluations));
  await page.click('[data-testid=run]');
  await page.waitForFunction((n) => {
    const o = document.querySelector('.output');
    return Number(o.dataset.evaluations) > n && o.dataset.busy === 'false';
  }, before, { timeout: 120000 });
  const failed = (await page.locator('[data-testid=error], [data-testid=stopped]').count()) > 0;
  return { ms: Number(await page.locator('.output').getAttribute('data-eval-ms')), failed };
};

// 3. Evaluation time in the worker, per example.
const evalTimes = [];
{
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(BASE + '#/examples');
  await page.waitForSelector('[data-example]');
  const ids = await page.locator('[data-example]').evaluateAll((els) => els.map((e) => e.dataset.example));
  console.log(`Evaluation time in the worker (median of ${RUNS} runs; evaluator set-up + eval + first view):`);
  for (const id of ids) {
    await page.goto(BASE + '#/examples');
    await page.click(`[data-example="${id}"] button`);
    await page.waitForFunction(() => location.hash === '#/' && document.querySelector('.output')?.dataset.busy === 'false');
    const times = [];
    let failed = false;
    for (let i = 0; i < RUNS; i++) {
      const run = await runProgram(page);
      times.push(run.ms);
      failed = run.failed;
    }
    if (!failed) evalTimes.push(median(times));
    console.log(`  ${id.padEnd(20)} ${median(times).toFixed(2).padStart(8)} ms${failed ? '  (evaluation error)' : ''}`);
  }
  await context.close();
}
// Runs the playground's program once, for the benchmark that does not allow an error (or
// a stop): the figure would not be the workload's.
const runInWorker = async (page) => {
  const run = await runProgram(page);
  if (run.failed) throw new Error(await page.locator('.output').innerText());
  return run.ms;
};

// 4. The miniature nixpkgs in the worker (the package set is loaded before timing).
const TESTS = new URL('../../crates/nixpad-pkgs/tests/', import.meta.url);
const testFile = (name) => readFileSync(new URL(name, TESTS), 'utf8');
const nixpkgsWorkloads = [
  { name: 'hello', files: { 'default.nix': '(import <nixpkgs> { }).hello.drvPath\n' } },
  { name: 'all+2', files: {
    'default.nix': 'import ./all-drv-paths.nix { overlays = [ (import ./security-patch.nix) (import ./features.nix) ]; }\n',
    'all-drv-paths.nix': testFile('all-drv-paths.nix'),
    'security-patch.nix': testFile('overlays/security-patch.nix'),
    'features.nix': testFile('overlays/features.nix'),
    'openssl-fix-cve.patch': testFile('overlays/openssl-fix-cve.patch'),
  } },
];
const nixpkgsTimes = {};
{
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(BASE);
  await page.waitForFunction(() => document.querySelector('.output')?.dataset.busy === 'false');
  const run = () => runInWorker(page);
  console.log(`The miniature nixpkgs in the worker (median of ${RUNS} runs):`);
  for (const w of nixpkgsWorkloads) {
    for (const [name, text] of Object.entries(w.files)) {
      if (name !== 'default.nix') {
        await page.click('button[aria-label="Add a file"]');
        await page.click('text=Rename');
        await page.fill('input.rename', name);
        await page.keyboard.press('Enter');
      } else {
        await page.click('[data-file="default.nix"]');
      }
      await page.fill('textarea.input', text);
    }
    await page.click('[data-file="default.nix"]');
    await run(); // the first run fetches and unpacks the package set
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push(await run());
    nixpkgsTimes[w.name] = median(times);
    console.log(`  ${w.name.padEnd(20)} ${median(times).toFixed(2).padStart(8)} ms`);
  }
  await context.close();
}
// 5. The evaluator's workloads in the worker, next to the native build.
const BENCH_DIR = new URL('../../bench/', import.meta.url);
const native = JSON.parse(process.env.BENCH_NATIVE || '{}');
const workloadTimes = {};
{
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(BASE);
  await page.waitForFunction(() => document.querySelector('.output')?.dataset.busy === 'false');
  console.log(`The evaluator's workloads (bench/) in the worker (median of ${RUNS} runs):`);
  for (const name of Object.keys(native).sort()) {
    await page.fill('textarea.input', readFileSync(new URL(`${name}.nix`, BENCH_DIR), 'utf8'));
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push(await runInWorker(page));
    workloadTimes[name] = median(times);
    console.log(`  ${name.padEnd(20)} ${median(times).toFixed(1).padStart(8)} ms in the worker, `
      + `${native[name].toFixed(1)} ms natively: ${(median(times) / native[name]).toFixed(2)}×`);
  }
  await context.close();
}
await browser.close();

// The Markdown section of BENCHMARKS.md.
if (process.env.BENCH_MD) {
  const order = ['evaluator wasm', 'evaluator JS', 'page wasm', 'worker wasm', 'page JS', 'worker JS', 'CSS', 'HTML'];
  const kinds = [...byKind.keys()].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  const rows = kinds.map((k) => {
    const v = byKind.get(k);
    return `| ${k} | ${v.raw} | ${kb(v.gzip)} | ${kb(v.brotli)} |`;
  });
  const md = [
    `Command: \`scripts/web-bench.sh\` (headless ${process.env.BENCH_BROWSER || 'Chromium'} on loopback, release build, `
      + `${process.env.BENCH_WHEN || 'date unknown'}; this section is written by the script).`,
    '',
    '| measure | result | goal |',
    '|---|---|---|',
    `| first-load transfer until the first result, ${load.files.length} files, gzip -9 | ${kb(load.gzip)} KB (${kb(load.raw)} KB raw) | ≤ ${kb(FIRST_LOAD_GOAL)} KB |`,
    `| the same, brotli -q 11 | ${kb(load.brotli)} KB | |`,
    `| navigation → first evaluated result, cold (median of ${first.runs}) | ${first.median.toFixed(0)} ms (min ${first.min.toFixed(0)}, max ${first.max.toFixed(0)}) | ≤ 300 ms |`,
    `| navigation → the editable app's own first result, cold (median of ${first.runs}) | ${first.app.toFixed(0)} ms | |`,
    `| transfer until the app's own first result (page, app and both workers), gzip -9 | ${kb(load.app.gzip)} KB (${kb(load.app.raw)} KB raw) | |`,
    `| evaluation time in the worker, per gallery example (median of ${RUNS}) | ${evalTimes.length ? `${Math.min(...evalTimes).toFixed(1)} – ${Math.max(...evalTimes).toFixed(1)} ms` : 'n/a'} | ≤ 10 ms |`,
    `| \`(import <nixpkgs> { }).hello.drvPath\` in the worker (median of ${RUNS}) | ${nixpkgsTimes.hello.toFixed(1)} ms | ≤ 30 ms |`,
    `| every package's drvPath with the two test overlays (all+2) in the worker (median of ${RUNS}) | ${nixpkgsTimes['all+2'].toFixed(1)} ms | ≤ 150 ms |`,
    '',
    'First load by kind (bytes raw, KB gzip -9, KB brotli -q 11). A first visit to the playground',
    'shows the default example at once (index.html\'s first view) and evaluates it with the',
    'evaluator-only worker; the app and its worker are fetched after that result, and the app',
    'replaces the first view with the same program and value, editable. Lessons are not part',
    'of it: `curriculum.pack` is fetched when a lesson is opened.',
    '',
    '| file | raw | gzip | brotli |',
    '|---|---|---|---|',
    ...rows,
    `| **total** | ${load.raw} | ${kb(load.gzip)} | ${kb(load.brotli)} |`,
    '',
    `The size budget test (\`tests/e2e/run.mjs\`, "the first load stays within its size budget") fails above ${kb(FIRST_LOAD_BUDGET)} KB gzip.`,
    '',
    'The evaluator\'s workloads (`bench/`) typed into the playground and run in its worker',
    '(evaluation and first view), next to the native build evaluating them in one process',
    `(\`nixpad eval --strict --bench ${RUNS}\`: a fresh evaluator per run, as in the worker); medians of ${RUNS} runs.`,
    '',
    '| workload | worker, wasm (ms) | native, in one process (ms) | ratio | goal |',
    '|---|---|---|---|---|',
    ...Object.keys(workloadTimes).map((name) =>
      `| ${name} | ${workloadTimes[name].toFixed(1)} | ${native[name].toFixed(1)} | ${(workloadTimes[name] / native[name]).toFixed(2)} | ≤ 2.5 |`),
  ].join('\n');
  writeFileSync(process.env.BENCH_MD, md + '\n');
}
