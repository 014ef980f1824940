// End-to-end tests of delivery: the embed (static/embed.js) on a page of another origin,
// the #/embed iframe route, offline use through the service worker, and `nixpad serve`.
//
//   E2E_DIST=dist [E2E_NIXPAD=target/debug/nixpad] node tests/e2e/deliver.mjs [name-filter]
//
// It serves E2E_DIST itself, with `Cache-Control: no-store` (so that after the network is
// cut only the service worker can answer): Nixpad on 127.0.0.1, the documentation page on
// 127.0.0.2 (a second origin). Every test gets a fresh browser context and fails on any
// console error, page error or CSP violation. The last line is `N passed, N failed`.
import { chromium } from 'playwright-core';
import { runTests } from './harness.mjs';
import { createServer } from 'node:http';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';

const DIST = process.env.E2E_DIST || 'dist';
const NIXPAD = process.env.E2E_NIXPAD || 'target/debug/nixpad';
const SHOTS = process.env.E2E_SHOTS || 'target/e2e-screenshots';
const FILTER = process.argv[2] || '';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
mkdirSync(SHOTS, { recursive: true });

const tests = [];
const test = (name, fn) => tests.push({ name, fn });
function assert(cond, message) {
  if (!cond) throw new Error(message);
}
function assertEq(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.pack': 'application/octet-stream',
};

/**
 * Serves `root` (a folder) on `host`, never cacheable; `pages` maps a path to a function
 * returning HTML (the documentation pages). Resolves to { origin, close() }.
 */
function serve(root, host, pages = {}) {
  const sockets = new Set();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const headers = { 'Cache-Control': 'no-store' };
    if (pages[path]) {
      res.writeHead(200, { ...headers, 'Content-Type': TYPES['.html'] });
      res.end(pages[path]());
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!root || !file.startsWith(normalize(root)) || !existsSync(file)) {
      res.writeHead(404, headers);
      res.end('not found');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve) => server.listen(0, host, () => resolve({
    origin: `http://${host}:${server.address().port}`,
    /** Stops answering: the network to this origin is cut. */
    close: () => new Promise((done) => {
      for (const s of sockets) s.destroy();
      server.close(() => done());
    }),
  })));
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** A fresh context and page that records console errors and CSP violations. */
async function open(t, url) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  t.contexts.push(context);
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const watch = (p) => {
    p.on('console', (m) => {
      if (m.type() === 'error' && !(t.allow && t.allow.test(m.text()))) t.errors.push(`console: ${m.text()}`);
    });
    p.on('pageerror', (e) => t.errors.push(`pageerror: ${e.message}`));
  };
  watch(page);
  context.on('page', watch);
  t.pages.push(page);
  if (url) await page.goto(url);
  return page;
}
const shot = (page, name) => page.screenshot({ path: join(SHOTS, name), fullPage: true });

// Nixpad, and the documentation page (static/embed-demo.html pointing at Nixpad's origin).
const nixpad = await serve(DIST, '127.0.0.1');
const HOST = `${nixpad.origin}/`;
const demo = readFileSync(join(DIST, 'embed-demo.html'), 'utf8')
  .replace('src="embed.js"', `src="${HOST}embed.js"`)
  .replace('src="./#/embed', `src="${HOST}#/embed`);
const docs = await serve(null, '127.0.0.2', {
  '/': () => demo,
  '/unreachable.html': () => '<!DOCTYPE html><title>t</title><link rel="icon" href="data:,">' +
    '<pre class="nix-playground">1 + 1</pre><script src="http://127.0.0.1:9/embed.js"></script>',
});

/** The embedded block number `i` of the page (0-based), by its parts. */
const block = (page, i) => {
  const host = page.locator('.nixpad-embed').nth(i);
  return {
    host,
    code: host.locator('textarea'),
    run: host.locator('button'),
    out: host.locator('pre.out'),
    expected: host.locator('pre.expected'),
    open: host.locator('a'),
  };
};
/** Clicks Run and waits until the block has an answer; returns its state and output. */
async function runBlock(b) {
  const before = Number(await b.host.getAttribute('data-runs') || 0);
  await b.run.click();
  await b.host.page().waitForFunction(([el, n]) => Number(el.dataset.runs || 0) > n,
    [await b.host.elementHandle(), before], { timeout: 20000 });
  return { state: await b.host.getAttribute('data-state'), out: await b.out.innerText() };
}

test('embed: two blocks on another origin run in one shared evaluator; styles stay apart', async (t) => {
  const page = await open(t, `${docs.origin}/`);
  await page.locator('.nixpad-embed').nth(4).waitFor();
  assertEq(await page.locator('pre.nix-playground').count(), 0, 'every block replaced');
  assertEq(await page.locator('.nixpad-embed').count(), 5, 'five editors');
  // Nothing of Nixpad is loaded until a reader shows interest.
  assert(!page.frames().some((f) => f.url().includes('embed-frame')), 'evaluator not loaded yet');

  const first = block(page, 0);
  assertEq(await first.code.inputValue(), 'let\n  greet = name: "Hello, ${name}!";\nin\ngreet "docs reader"', 'code shown');
  assertEq(await first.code.getAttribute('rows'), '4', 'as tall as the code');
  let r = await runBlock(first);
  assertEq(r.state, 'done', 'first block ran');
  assertEq(r.out, '"Hello, docs reader!"', 'first output');

  // Read-only, with the expected output compared.
  const second = block(page, 1);
  assert(await second.code.evaluate((e) => e.readOnly), 'read-only');
  r = await runBlock(second);
  assertEq(r.out, '[ 1 4 9 16 ]', 'second output');
  assert((await second.expected.innerText()).includes('✓ matches'), `verdict: ${await second.expected.innerText()}`);

  // Hidden prelude: not shown, but run.
  const third = block(page, 2);
  assertEq(await third.code.inputValue(), 'mkPackage { name = "hello"; version = "2.12"; }', 'prelude hidden');
  r = await runBlock(third);
  assertEq(r.out, '{ name = "hello"; version = "2.12"; }', 'prelude ran');

  // An error is shown as an error; editing and Ctrl+Enter run the edited code.
  const fourth = block(page, 3);
  r = await runBlock(fourth);
  assertEq(r.state, 'error', 'error state');
  assert(r.out.includes("error: attribute 'b' missing"), `error output: ${r.out}`);
  await first.code.fill('builtins.trace "counting" (builtins.length [ 1 2 3 ])');
  await first.code.press('Control+Enter');
  await page.waitForFunction((el) => el.shadowRoot.querySelector('pre.out').textContent === 'trace: counting\n3',
    await first.host.elementHandle(), { timeout: 10000 });
  // A too-long run is stopped by the block's time limit (data-timeout="2000"); the
  // evaluator is replaced and every block keeps working.
  await fourth.code.fill("let l = builtins.genList (x: x) 1000; in builtins.foldl' (a: i: a + builtins.foldl' (b: j: b + builtins.foldl' (c: k: c + k) 0 l) 0 l) 0 l");
  const started = Date.now();
  r = await runBlock(fourth);
  assert(r.out.includes('ran longer than the time limit (2 s)'), `stopped: ${r.out}`);
  assert(Date.now() - started < 6000, `stopped after ${Date.now() - started} ms`);
  r = await runBlock(second);
  assertEq(r.out, '[ 1 4 9 16 ]', 'still works after');
  await fourth.code.fill('let f = x: f (x + 1); in f 0');
  r = await runBlock(fourth);
  assert(r.out.includes('max-call-depth exceeded'), `deep recursion: ${r.out}`);
  // One evaluator for the whole page.
  assertEq(page.frames().filter((f) => f.url().endsWith('/embed-frame.html')).length, 1, 'one shared evaluator frame');
  // The page's styles do not reach the editors, and the editors' do not reach the page.
  const button = await first.run.evaluate((e) => getComputedStyle(e).textTransform);
  assertEq(button, 'none', 'page button style kept out');
  const code = await page.locator('code').first().evaluate((e) => getComputedStyle(e).backgroundColor);
  assertEq(code, 'rgb(238, 238, 238)', 'page style intact');
  await shot(page, 'deliver-01-embed-demo.png');
});

test('embed: "Open in Nixpad" carries the code (with its hidden prelude) to the playground', async (t) => {
  const page = await open(t, `${docs.origin}/`);
  const third = block(page, 2);
  await third.host.waitFor();
  await page.waitForFunction((el) => el.shadowRoot.querySelector('a').href.includes('#/?files='),
    await third.host.elementHandle());
  const [playground] = await Promise.all([page.context().waitForEvent('page'), third.open.click()]);
  await playground.waitForLoadState();
  assert(playground.url().startsWith(HOST), `opened on Nixpad: ${playground.url()}`);
  await playground.waitForFunction(() => document.querySelector('.output')?.dataset.busy === 'false' &&
    Number(document.querySelector('.output').dataset.evaluations) >= 1, null, { timeout: 20000 });
  const text = await playground.locator('textarea.input').inputValue();
  assertEq(text, 'let\n  mkPackage = { name, version }: { inherit name version; };\nin\nmkPackage { name = "hello"; version = "2.12"; }', 'code carried over');
  const tree = await playground.locator('[data-testid=value-tree]').innerText();
  assert(tree.includes('version = "2.12";'), `value: ${tree}`);
  t.pages.push(playground);
  await shot(playground, 'deliver-02-opened-in-nixpad.png');
});

test('embed: the iframe route #/embed?code= runs a block with no script on the page', async (t) => {
  const page = await open(t, `${docs.origin}/`);
  const frame = page.frameLocator('iframe[title^="Nixpad:"]');
  const host = frame.locator('.nixpad-embed');
  await host.waitFor({ timeout: 20000 });
  // Only the editor shows: no app header, navigation or notices around it (the editor's
  // own text lives in its shadow root, outside the body's text).
  const inner = page.frames().find((f) => f.url().includes('#/embed'));
  assertEq(await inner.evaluate(() => document.body.innerText.trim()), '', 'nothing but the editor');
  assertEq(await host.locator('textarea').inputValue(), 'builtins.attrNames { b = 2; a = 1; }', 'code from the URL');
  await host.locator('button').click();
  await host.locator('pre.out.ok').waitFor({ timeout: 20000 });
  assertEq(await host.locator('pre.out').innerText(), '[ "a" "b" ]', 'output');
  assert((await host.locator('pre.expected').innerText()).includes('✓ matches'), 'expected compared');
  // Nixpad's own CSP holds inside the frame.
  assertEq(JSON.stringify(await inner.evaluate(() => window.__csp || [])), '[]', 'no CSP violation in the route');
  await page.locator('iframe[title^="Nixpad:"]').scrollIntoViewIfNeeded();
  await shot(page, 'deliver-03-iframe-route.png');
  // Opened directly, without code, it says what is missing.
  const direct = await open(t, `${HOST}#/embed`);
  await direct.locator('.embed-problem').waitFor();
});

test('embed: when Nixpad cannot be reached the code block stays as it was', async (t) => {
  t.allow = /Failed to load resource|ERR_CONNECTION_REFUSED/;
  const page = await open(t, `${docs.origin}/unreachable.html`);
  await page.waitForLoadState('load');
  assertEq(await page.locator('pre.nix-playground').innerText(), '1 + 1', 'original block readable');
  assertEq(await page.locator('.nixpad-embed').count(), 0, 'not replaced');
});

/** Waits until the service worker controls `page` and has filled its cache; its name. */
async function offlineReady(page) {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
    const keys = (await caches.keys()).filter((k) => k.startsWith('nixpad-'));
    return keys.join(',');
  });
}

test('offline: after one visit the playground and a lesson work with the network cut', async (t) => {
  const site = await serve(DIST, '127.0.0.1');
  try {
    const page = await open(t, `${site.origin}/`);
    await page.waitForFunction(() => document.querySelector('.output')?.dataset.busy === 'false' &&
      Number(document.querySelector('.output').dataset.evaluations) >= 1, null, { timeout: 20000 });
    const cache = await offlineReady(page);
    assert(/^nixpad-[0-9a-f]{16}$/.test(cache), `one versioned cache: ${cache}`);
    // Cut the network: the browser is offline and the server is gone.
    await page.context().setOffline(true);
    await site.close();
    await page.reload();
    await page.waitForFunction(() => document.querySelector('.output')?.dataset.busy === 'false' &&
      Number(document.querySelector('.output').dataset.evaluations) >= 1, null, { timeout: 20000 });
    await page.fill('textarea.input', 'builtins.concatStringsSep " " [ "works" "offline" ]');
    await page.click('[data-testid=run]');
    await page.waitForFunction(() => document.querySelector('[data-testid=value-tree]')?.innerText.includes('"works offline"'),
      null, { timeout: 10000 });
    await shot(page, 'deliver-04-offline-playground.png');
    await page.goto(`${site.origin}/#/lessons/language/values`);
    await page.locator('[data-testid=lesson] h1').waitFor({ timeout: 20000 });
    await page.locator('[data-testid=run-example]').first().click();
    const out = await page.locator('[data-testid=example-output]').first().innerText();
    assert(out.includes('"int"'), `lesson example offline: ${out}`);
    await page.click('[data-testid=check]');
    await page.locator('[data-testid=check-results]').waitFor({ timeout: 15000 });
    await shot(page, 'deliver-05-offline-lesson.png');
    // The embed's own files were cached too: the demo page's blocks run offline.
    await page.goto(`${site.origin}/embed-demo.html`);
    const b = block(page, 1);
    const r = await runBlock(b);
    assertEq(r.out, '[ 1 4 9 16 ]', 'embedded block offline');
  } finally {
    await site.close().catch(() => {});
  }
});

test('offline: an updated site replaces the cache (versioned by the files\' contents)', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'nixpad-sw-'));
  cpSync(DIST, root, { recursive: true });
  const site = await serve(root, '127.0.0.1');
  try {
    const page = await open(t, `${site.origin}/`);
    const v1 = await offlineReady(page);
    // A new build: one file changes, the build hook stamps sw.js again.
    writeFileSync(join(root, 'embed-demo.html'), readFileSync(join(root, 'embed-demo.html'), 'utf8').replace('<h1>', '<h1>v2 '));
    execFileSync('sh', ['scripts/sw-manifest.sh'], { env: { ...process.env, TRUNK_STAGING_DIR: root } });
    const v2 = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg.update();
      const worker = reg.installing || reg.waiting;
      if (worker) {
        await new Promise((r) => worker.addEventListener('statechange', () => worker.state === 'activated' && r()));
      }
      return (await caches.keys()).filter((k) => k.startsWith('nixpad-')).join(',');
    });
    assert(/^nixpad-[0-9a-f]{16}$/.test(v2) && v2 !== v1, `new cache only: ${v1} -> ${v2}`);
    await page.context().setOffline(true);
    await site.close();
    const text = await page.evaluate(() => fetch('embed-demo.html').then((r) => r.text()));
    assert(text.includes('<h1>v2 '), 'the cache holds the new files');
  } finally {
    await site.close().catch(() => {});
    rmSync(root, { recursive: true, force: true });
  }
});

test('nixpad serve: the app runs from it, a workshop pack is served beside the curriculum and kept offline', async (t) => {
  assert(existsSync(NIXPAD), `${NIXPAD} is missing (cargo build -p nixpad-cli)`);
  const lessons = mkdtempSync(join(tmpdir(), 'nixpad-workshop-'));
  const write = (path, text) => {
    mkdirSync(join(lessons, path, '..'), { recursive: true });
    writeFileSync(join(lessons, path), text);
  };
  write('01-workshop/chapter.toml', 'title = "Our workshop"\nsummary = "S"\n');
  // 02-broken's check.nix has a syntax error on line 2.
  for (const [dir, ok] of [['01-sum', 'files."main.nix".sum == 3'], ['02-broken', '']]) {
    // A lesson as `nixpad lessons check` wants it: three hints, a check on how the answer
    // is written, and the answer pasted as a literal among the wrong answers.
    write(`01-workshop/${dir}/lesson.md`, '+++\ntitle = "Sum"\nsummary = "S"\nfiles = ["main.nix"]\nhints = ["a", "b", "c"]\n+++\n\nAdd.\n');
    write(`01-workshop/${dir}/starter/main.nix`, '{ sum = 0; }\n');
    write(`01-workshop/${dir}/solution/main.nix`, '{ sum = 1 + 2; }\n');
    write(`01-workshop/${dir}/wrong/literal/main.nix`, '{ sum = 3; } # { sum = 1 + 2; }\n');
    write(`01-workshop/${dir}/wrong/literal/note.md`, 'The value typed out instead of computed.\n');
    write(`01-workshop/${dir}/check.nix`, `{ files, syntax, ... }:\n[ { name = "sum is 3"; ok = ${ok}; } { name = "adds"; ok = (syntax."main.nix".operators."+" or 0) > 0; } ]\n`);
  }
  const child = spawn(NIXPAD, ['serve', '--site', DIST, '--lessons', lessons, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  try {
    const origin = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/http:\/\/127\.0\.0\.1:\d+/);
        if (m) resolve(m[0]);
      });
      child.on('exit', () => reject(new Error(`nixpad serve exited: ${out}${stderr}`)));
    });
    // stderr is another pipe than stdout: its report may arrive after the address.
    for (let i = 0; i < 50 && !stderr.includes('01-workshop/02-broken/check.nix:2:'); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    assert(stderr.includes('01-workshop/02-broken/check.nix:2:'), `broken lesson named with file and line: ${stderr}`);
    const page = await open(t, `${origin}/`);
    await page.waitForFunction(() => document.querySelector('.output')?.dataset.busy === 'false' &&
      Number(document.querySelector('.output').dataset.evaluations) >= 1, null, { timeout: 20000 });
    // Packs are zlib-compressed JSON (`Curriculum::to_pack`).
    const lessonIds = () => page.evaluate(() => fetch('workshop.pack')
      .then((r) => new Response(r.body.pipeThrough(new DecompressionStream('deflate'))).json()))
      .then((pack) => JSON.stringify(pack.chapters.flatMap((c) => c.lessons.map((l) => l.id))));
    assertEq(await lessonIds(), '["workshop/sum"]', 'only the valid lesson served');
    // A participant who drops off the network keeps the app and the workshop's lessons.
    await offlineReady(page);
    await page.context().setOffline(true);
    child.kill();
    await page.reload();
    await page.waitForFunction(() => document.querySelector('.output')?.dataset.busy === 'false' &&
      Number(document.querySelector('.output').dataset.evaluations) >= 1, null, { timeout: 20000 });
    assertEq(await lessonIds(), '["workshop/sum"]', 'workshop lessons offline');
  } finally {
    child.kill();
    rmSync(lessons, { recursive: true, force: true });
  }
});

const { passed, failed } = await runTests(tests, FILTER, SHOTS);
await browser.close();
await nixpad.close();
await docs.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
