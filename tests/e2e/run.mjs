// End-to-end tests of the release build, in Debian's Chromium driven by playwright-core.
//
//   E2E_URL=http://127.0.0.1:PORT/ node tests/e2e/run.mjs [name-filter]
//
// Every test gets a fresh browser context and fails on any console error, page error or
// Content-Security-Policy violation. Screenshots go to $E2E_SHOTS (default
// target/e2e-screenshots). The last line is `N passed, N failed`.
import { chromium } from 'playwright-core';
import { runTests } from './harness.mjs';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureFirstLoad, FIRST_LOAD_BUDGET } from './firstload.mjs';

const BASE = process.env.E2E_URL || 'http://127.0.0.1:8080/';
const SHOTS = process.env.E2E_SHOTS || 'target/e2e-screenshots';
const FILTER = process.argv[2] || '';
/** The repository (lesson files are read from it). */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
mkdirSync(SHOTS, { recursive: true });

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

function assert(cond, message) {
  if (!cond) throw new Error(message);
}
function assertEq(actual, expected, what) {
  if (actual !== expected) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** A fresh context and page that records console errors and CSP violations. */
async function open(t, path = '', options = {}) {
  const context = await browser.newContext({ viewport: options.viewport || { width: 1280, height: 860 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE).origin });
  t.contexts.push(context);
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => {
    if (m.type() === 'error') t.errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => t.errors.push(`pageerror: ${e.message}`));
  t.pages.push(page);
  if (path !== null) await page.goto(BASE + path);
  return page;
}

const evaluations = (page) => page.evaluate(() => Number(document.querySelector('.output')?.dataset.evaluations || 0));

/** Waits until at least `n` evaluations finished and nothing is in flight. */
async function waitEval(page, n = 1) {
  await page.waitForFunction((n) => {
    const o = document.querySelector('.output');
    return o && Number(o.dataset.evaluations) >= n && o.dataset.busy === 'false';
  }, n, { timeout: 15000 });
}

/** Replaces the open file's text (as a paste would) and runs it. */
async function runCode(page, text) {
  const before = await evaluations(page);
  await page.fill('textarea.input', text);
  await page.click('[data-testid=run]');
  await waitEval(page, before + 1);
}

const tree = (page) => page.locator('[data-testid=value-tree]').innerText().then((t) => t.replace(/[▾▸]/g, ''));
const shot = (page, name) => page.screenshot({ path: join(SHOTS, name) });

test('loads, evaluates the default example, no console errors', async (t) => {
  const page = await open(t);
  await waitEval(page);
  const text = await tree(page);
  assert(text.includes('answer = 42;'), `tree: ${text}`);
  assert(text.includes('greeting = "Hello from Nixpad v1!";'), `tree: ${text}`);
  const hl = await page.locator('.hl .tk-kw').first().innerText();
  assertEq(hl, 'let', 'first keyword highlighted');
  await shot(page, '01-playground.png');
});

test('type code and see the value', async (t) => {
  const page = await open(t);
  await waitEval(page);
  await page.fill('textarea.input', '');
  await page.focus('textarea.input');
  await page.keyboard.type('let x = 20; in { answer = x * 2 + 2; list = [ 1 2 3 ]; }');
  const n = await evaluations(page);
  await page.keyboard.press('Control+Enter');
  await waitEval(page, n + 1);
  const text = await tree(page);
  assert(text.includes('answer = 42;'), `tree: ${text}`);
  assert(text.includes('list = [ 1 2 3 ];'), `tree: ${text}`);
  await shot(page, '02-typed-value.png');
});

test('run as you type evaluates after a pause', async (t) => {
  const page = await open(t);
  await waitEval(page);
  await page.check('text=Run as you type');
  const n = await evaluations(page);
  await page.fill('textarea.input', '');
  await page.focus('textarea.input');
  await page.keyboard.type('6 * 7', { delay: 30 });
  await waitEval(page, n + 1);
  await page.waitForFunction(() => document.querySelector('[data-testid=value-tree]')?.innerText.trim() === '42');
  // Typing on while a slow evaluation runs replaces it at once (no waiting for the limit).
  await page.selectOption('select[aria-label="Time limit"]', '30000');
  await page.fill('textarea.input', 'let l = builtins.genList (x: x) 1000; in builtins.foldl\' (a: i: a + builtins.foldl\' (b: j: b + builtins.foldl\' (c: k: c + k) 0 l) 0 l) 0 l');
  await page.waitForFunction(() => document.querySelector('.output').dataset.busy === 'true');
  await page.waitForTimeout(800);
  const started = Date.now();
  await page.fill('textarea.input', '1 + 2');
  await page.waitForFunction(() => document.querySelector('[data-testid=value-tree]')?.innerText.trim() === '3', null, { timeout: 5000 });
  assert(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  assertEq(await page.locator('[data-testid=stopped]').count(), 0, 'no stop message');
  // The setting survives a reload.
  await page.reload();
  await waitEval(page);
  assert(await page.isChecked('text=Run as you type'), 'setting kept');
});

test('editor keys: pairs, Tab/Shift+Tab, Enter indent, native undo', async (t) => {
  const page = await open(t);
  await waitEval(page);
  const area = page.locator('textarea.input');
  await page.fill('textarea.input', '');
  await area.focus();
  await page.keyboard.type('{');
  assertEq(await area.inputValue(), '{}', 'brace pairs');
  await page.keyboard.press('Enter');
  assertEq(await area.inputValue(), '{\n  \n}', 'Enter inside a pair');
  await page.keyboard.type('a = "x');
  assertEq(await area.inputValue(), '{\n  a = "x"\n}', 'quote pairs');
  await page.keyboard.type('";');
  assertEq(await area.inputValue(), '{\n  a = "x";\n}', 'closing quote steps over');
  await page.keyboard.press('Home');
  await page.keyboard.press('Tab');
  assertEq(await area.inputValue(), '{\n    a = "x";\n}', 'Tab indents');
  await page.keyboard.press('Shift+Tab');
  assertEq(await area.inputValue(), '{\n  a = "x";\n}', 'Shift+Tab outdents');
  await page.keyboard.press('Control+z');
  assertEq(await area.inputValue(), '{\n    a = "x";\n}', 'undo restores the indent');
  await page.keyboard.press('Control+Shift+z');
  assertEq(await area.inputValue(), '{\n  a = "x";\n}', 'redo');
  // Escape then Tab leaves the editor (keyboard users are not trapped).
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.tagName);
  assert(focused !== 'TEXTAREA', 'focus left the editor');
});

test('an error is underlined at the right place, message on hover and in the output', async (t) => {
  const page = await open(t);
  await waitEval(page);
  await runCode(page, '{\n  a = 1;\n  b = undefinedName;\n}\n');
  assertEq(await page.locator('.hl .err').innerText(), 'undefinedName', 'underlined text');
  assertEq(await page.locator('.gutter .err-line').innerText(), '3', 'marked line');
  const out = await page.locator('[data-testid=error]').innerText();
  assert(out.includes("undefined variable 'undefinedName'"), `output: ${out}`);
  assert(out.includes('3|   b = undefinedName;'), `snippet: ${out}`);
  await shot(page, '03-error-underlined.png');
  const box = await page.locator('.hl .err').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.locator('.tooltip').waitFor();
  const tip = await page.locator('.tooltip').innerText();
  assert(tip.includes("undefined variable 'undefinedName'"), `tooltip: ${tip}`);
  await shot(page, '04-error-hover.png');
});

test('an error in another file opens that file underlined', async (t) => {
  const page = await open(t);
  await waitEval(page);
  await page.fill('textarea.input', 'import ./overlay.nix');
  await page.click('button[aria-label="Add a file"]');
  await page.click('text=Rename');
  await page.fill('input.rename', 'overlay.nix');
  await page.keyboard.press('Enter');
  await page.fill('textarea.input', '{ x = 1 + "a"; }.x');
  await page.click('[data-file="default.nix"]');
  const n = await evaluations(page);
  await page.click('[data-testid=run]');
  await waitEval(page, n + 1);
  await page.click('[data-testid=error] .error-head button');
  assertEq(await page.locator('.file-tab.active').getAttribute('data-file'), 'overlay.nix', 'open file');
  assert((await page.locator('.hl .err').count()) >= 1, 'underlined in overlay.nix');
  // Delete it: the import now fails with Nix's message.
  await page.click('button[title="Delete the open file"]');
  assertEq(await page.locator('.file-tab').count(), 1, 'one file left');
  assert(await page.locator('button[title="Delete the open file"]').isDisabled(), 'the last file cannot be deleted');
  await runCode(page, 'import ./overlay.nix');
  const out = await page.locator('[data-testid=error]').innerText();
  assert(out.includes('/overlay.nix'), `missing file: ${out}`);
});

test('infinite loops stop at the time limit; the page still answers', async (t) => {
  const page = await open(t);
  await waitEval(page);
  await page.selectOption('select[aria-label="Time limit"]', '1000');
  await runCode(page, 'let x = x; in x');
  assert((await page.locator('[data-testid=error]').innerText()).includes('infinite recursion'), 'blackhole');
  await runCode(page, 'let f = x: f x; in f 1');
  const msg = await page.locator('.out-body').innerText();
  assert(/max-call-depth|time limit/.test(msg), `f x: ${msg}`);
  // A loop that neither recurses deeper nor repeats a thunk: only the clock stops it.
  const loop = 'let l = builtins.genList (x: x) 1000; in builtins.foldl\' (a: i: a + builtins.foldl\' (b: j: b + builtins.foldl\' (c: k: c + k) 0 l) 0 l) 0 l';
  await page.fill('textarea.input', loop);
  const started = Date.now();
  await page.click('[data-testid=run]');
  await page.locator('[data-testid=stopped]').waitFor({ timeout: 6000 });
  const took = Date.now() - started;
  assert(took < 4000, `stopped after ${took} ms`);
  assert((await page.locator('[data-testid=stopped]').innerText()).includes('time limit'), 'timeout message');
  await shot(page, '05-loop-stopped.png');
  await runCode(page, '1 + 1');
  assertEq((await tree(page)).trim(), '2', 'evaluates again after the restart');
  // Stop button.
  await page.selectOption('select[aria-label="Time limit"]', '30000');
  await page.fill('textarea.input', loop);
  await page.click('[data-testid=run]');
  await page.waitForTimeout(300);
  await page.click('[data-testid=stop]');
  await page.locator('[data-testid=stopped]').waitFor({ timeout: 3000 });
  assert((await page.locator('[data-testid=stopped]').innerText()).includes('stopped by you'), 'stop message');
  await runCode(page, '"still alive"');
  assertEq((await tree(page)).trim(), '"still alive"', 'evaluates after Stop');
});

test('deep recursion is an error message, not a dead page', async (t) => {
  const page = await open(t);
  await waitEval(page);
  await runCode(page, 'let f = n: if n == 0 then 0 else 1 + f (n - 1); in f 100000');
  const msg = await page.locator('.out-body').innerText();
  assert(/stack overflow|max-call-depth|out of stack/.test(msg), `message: ${msg}`);
  await runCode(page, '"(" + "a" + ")"');
  assertEq((await tree(page)).trim(), '"(a)"', 'still works');
  // Deep enough to exhaust the browser's own stack inside the worker: the worker dies,
  // the page says so and starts a new one.
  await page.fill('textarea.input', 'let deep = n: if n == 0 then [] else [ (deep (n - 1)) ]; in builtins.toJSON (deep 100000)');
  await page.click('[data-testid=run]');
  // Today this exhausts the stack (the worker is replaced); an evaluator that keeps it
  // on the heap answers with an error instead. Either way: a message, and a live page.
  await page.locator('[data-testid=stopped], [data-testid=error]').first().waitFor({ timeout: 6000 });
  const crash = await page.locator('.out-body').innerText();
  assert(/out of stack|crashed|stack overflow|max-call-depth|nested too deeply/.test(crash), `message: ${crash}`);
  await shot(page, '17-worker-stack-overflow.png');
  await runCode(page, '[ "after" "restart" ]');
  assertEq((await tree(page)).trim(), '[ "after" "restart" ]', 'evaluates in the new worker');
});

const THREE_FILES = {
  'default.nix': 'let o = import ./overlay.nix; in o.greeting + import ./lib/util.nix\n',
  'overlay.nix': '{\n\tgreeting = "Grüße, 世界 — ${"ok"} ";  \n}\n\n',
  'lib/util.nix': '"tail"   # trailing spaces and no newline at the end   ',
};

test('the share link round-trips three files byte for byte', async (t) => {
  const page = await open(t);
  await waitEval(page);
  await page.fill('textarea.input', THREE_FILES['default.nix']);
  for (const name of ['overlay.nix', 'lib/util.nix']) {
    await page.click('button[aria-label="Add a file"]');
    await page.click('text=Rename');
    await page.fill('input.rename', name);
    await page.keyboard.press('Enter');
    await page.fill('textarea.input', THREE_FILES[name]);
  }
  await page.click('[data-testid=copy-link]');
  await page.locator('text=Link copied to the clipboard.').waitFor();
  const link = await page.locator('[data-testid=share-link]').inputValue();
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assertEq(clip, link, 'clipboard holds the link');
  assert(link.includes('#/?files='), link);
  await shot(page, '06-share-link.png');

  const other = await open(t, null);
  await other.goto(link);
  await waitEval(other);
  assert((await other.locator('[data-testid=notice]').innerText()).includes('Opened 3 file(s)'), 'notice');
  assertEq(await other.evaluate(() => location.hash), '#/', 'link removed from the address bar');
  const names = await other.locator('.file-tab').evaluateAll((els) => els.map((e) => e.dataset.file));
  assertEq(JSON.stringify(names), JSON.stringify(Object.keys(THREE_FILES)), 'file names');
  for (const [name, text] of Object.entries(THREE_FILES)) {
    await other.click(`[data-file="${name}"]`);
    assertEq(await other.locator('textarea.input').inputValue(), text, `text of ${name}`);
  }
  assertEq((await tree(other)).trim(), '"Grüße, 世界 — ok tail"', 'value');
  await shot(other, '07-share-opened.png');
  await other.click('[data-testid=copy-link]');
  const again = await other.locator('[data-testid=share-link]').inputValue();
  assertEq(again, link, 'the same link again (byte-identical files)');

  // Pasting the link into the address bar of an open page (no reload) opens it too.
  const third = await open(t);
  await waitEval(third);
  const n = await evaluations(third);
  await third.evaluate((hash) => { location.hash = hash; }, link.slice(link.indexOf('#')));
  await waitEval(third, n + 1);
  assertEq((await tree(third)).trim(), '"Grüße, 世界 — ok tail"', 'value after hashchange');
  assertEq(await third.evaluate(() => location.hash), '#/', 'link removed again');
});

test('a damaged, truncated or oversized link shows a message and the default example', async (t) => {
  const good = await open(t);
  await waitEval(good);
  await good.click('[data-testid=copy-link]');
  const link = await good.locator('[data-testid=share-link]').inputValue();
  const data = link.split('files=')[1];
  const cases = {
    garbage: '#/?files=%%%not-base64!!',
    truncated: `#/?files=${data.slice(0, Math.floor(data.length / 2))}`,
    oversized: `#/?files=${'A'.repeat(250000)}`,
    foreign: '#/?files=q1YqS8wpTVWyUkpKLFKqBQA',
  };
  for (const [name, hash] of Object.entries(cases)) {
    const page = await open(t, null);
    await page.goto(BASE + hash);
    await waitEval(page);
    const notice = await page.locator('[data-testid=notice]').innerText();
    assert(notice.includes('could not be opened'), `${name}: ${notice}`);
    const text = await page.locator('textarea.input').inputValue();
    assert(text.startsWith('# A tour of the Nix language'), `${name}: default example`);
    if (name === 'truncated') await shot(page, '08-broken-link.png');
  }
});

test('code from a link is shown as text, never as HTML', async (t) => {
  const page = await open(t);
  await waitEval(page);
  const evil = '"<img src=x onerror=\\"window.__xss=1\\"><script>window.__xss=2</script>"';
  await runCode(page, evil);
  await page.click('[data-testid=copy-link]');
  const link = await page.locator('[data-testid=share-link]').inputValue();
  const other = await open(t, null);
  await other.goto(link);
  await waitEval(other);
  assertEq(await other.evaluate(() => window.__xss), undefined, 'no script ran');
  assertEq(await other.locator('img').count(), 0, 'no img element');
  assert((await tree(other)).includes('<img src=x'), 'shown as text');
});

test('a reload restores the files; foreign localStorage is ignored with a notice', async (t) => {
  const page = await open(t);
  await waitEval(page);
  await runCode(page, '{ restored = 42; }\n');
  await page.reload();
  await waitEval(page);
  assertEq(await page.locator('textarea.input').inputValue(), '{ restored = 42; }\n', 'restored text');
  assert((await tree(page)).includes('restored = 42;'), 'evaluated after reload');
  await page.evaluate(() => localStorage.setItem('nixpad:files', '{"some":"other app"}'));
  await page.reload();
  await waitEval(page);
  const notice = await page.locator('[data-testid=notice]').innerText();
  assert(notice.includes('ignored'), `notice: ${notice}`);
  assert((await page.locator('textarea.input').inputValue()).startsWith('# A tour'), 'default example');
});

test('deep links to routes work after a reload on the static server', async (t) => {
  const page = await open(t, '#/examples');
  await page.locator('.card').first().waitFor();
  const cards = await page.locator('.card').count();
  assert(cards >= 12, `${cards} examples`);
  await page.reload();
  await page.locator('.card').first().waitFor();
  await shot(page, '09-examples.png');
  await page.goto(BASE + '#/lessons');
  await page.reload();
  await page.locator('[data-testid=lessons] h1').waitFor();
  await shot(page, '10-lessons.png');
  await page.goto(BASE + '#/no/such/page');
  await page.locator('text=Not found').waitFor();
  // Opening an example from the gallery replaces the files and runs them.
  await page.goto(BASE + '#/examples');
  const n = await evaluations(page);
  await page.click('[data-example=imports] button');
  await waitEval(page, n + 1);
  assertEq(await page.evaluate(() => location.hash), '#/', 'back in the playground');
  const names = await page.locator('.file-tab').evaluateAll((els) => els.map((e) => e.dataset.file));
  assertEq(names.join(','), 'default.nix,data.nix,lib.nix', 'example files');
  assert((await tree(page)).includes('"Grace"'), 'import between files');
});

test('works under a sub-path of the static server (relative URLs)', async (t) => {
  const sub = process.env.E2E_SUBPATH || 'nested/app/';
  const page = await open(t, `${sub}#/examples`);
  await page.locator('.card').first().waitFor();
  await page.reload();
  await page.click('[data-example=imports] button');
  await waitEval(page);
  assert((await tree(page)).includes('"Grace"'), 'evaluates under the sub-path');
  assert(page.url().includes(`/${sub}#/`), page.url());
});

// The REPL's input, and a function that sends a line and waits for its answer.
const replOf = (page) => {
  const input = page.locator('input[aria-label="REPL input"]');
  const send = async (line) => {
    await input.fill(line);
    await input.press('Enter');
    await page.waitForFunction(() => !document.querySelector('.repl-log .muted'));
  };
  return { input, send };
};

test('REPL: expressions, :t, :p, bindings, history', async (t) => {
  const page = await open(t);
  await waitEval(page);
  const { input, send } = replOf(page);
  await send('(import ./default.nix).answer');
  await send(':t 1');
  await send('x = 20');
  await send('x * 2 + 2');
  await send(':p { a.b = [ 1 ]; }');
  await send('nope');
  const log = await page.locator('.repl-log').innerText();
  for (const want of ['42', 'an integer', '{ a = { b = [ 1 ]; }; }', "undefined variable 'nope'"]) {
    assert(log.includes(want), `REPL log lacks ${want}: ${log}`);
  }
  await input.press('ArrowUp');
  assertEq(await input.inputValue(), 'nope', 'history up');
  await input.press('ArrowUp');
  assertEq(await input.inputValue(), ':p { a.b = [ 1 ]; }', 'history up twice');
  await input.press('ArrowDown');
  await input.press('ArrowDown');
  assertEq(await input.inputValue(), '', 'history back to the draft');
  await shot(page, '11-repl.png');
});

test('REPL debugger: builtins.break stops, shows the scope, evaluates there and continues', async (t) => {
  const page = await open(t);
  await waitEval(page);
  const { send } = replOf(page);
  const last = () => page.locator('.repl-entry .repl-out').last().innerText();
  await send('f = n: let doubled = n * 2; in builtins.break doubled');
  await send('[ (f 20) (f 1) ]');
  const stop = await last();
  for (const want of ['info: breakpoint reached', '«repl»:1:', 'builtins.break was given: 40', 'doubled = 40', 'n = 20']) {
    assert(stop.includes(want), `stop lacks ${want}: ${stop}`);
  }
  await page.locator('[data-testid=repl-stopped]').waitFor();
  await send('n + doubled');
  assertEq(await last(), '60', 'an expression in the scope of the stop');
  await shot(page, '11b-repl-break.png');
  await send(':c');
  assert((await last()).includes('n = 1'), 'the second call stops');
  await send(':c');
  assertEq(await last(), '[ 40 2 ]', 'the line finishes');
  assertEq(await page.locator('[data-testid=repl-stopped]').count(), 0, 'no longer stopped');
});

test('output views: JSON, strict, trace, syntax tree; lazy values expand on demand', async (t) => {
  const page = await open(t, '#/examples');
  await page.click('[data-example=trace] button');
  await waitEval(page);
  await page.click('[data-testid=tab-trace]');
  const trace = await page.locator('[data-testid=trace]').innerText();
  assert(trace.includes('trace: fib 5'), `trace: ${trace}`);
  await shot(page, '13-trace.png');
  await page.click('[data-testid=tab-json]');
  await page.locator('.text-out').waitFor();
  assertEq(await page.locator('.text-out').innerText(), '{"result":5,"traced":"done"}', 'json');
  await shot(page, '12-json.png');
  await page.click('[data-testid=tab-strict]');
  await page.waitForFunction(() => document.querySelector('.text-out')?.textContent.startsWith('{ result'));
  await page.click('[data-testid=tab-syntax]');
  await page.waitForFunction(() => document.querySelector('.text-out')?.textContent.includes('NODE_'));
  await shot(page, '14-syntax.png');

  await page.goto(BASE + '#/examples');
  const n = await evaluations(page);
  await page.click('[data-example=laziness] button');
  await waitEval(page, n + 1);
  await page.click('[data-testid=tab-value]');
  let text = await tree(page);
  assert(text.includes('firstFive = [ 0 1 2 3 4 ];'), `tree: ${text}`);
  assert(text.includes('«error: never evaluated unless you expand it»'), `tree: ${text}`);
  // Open `naturals` five levels deep: each level is fetched from the worker on demand.
  for (let depth = 0; depth < 6; depth++) {
    const closed = page.locator('.toggle[aria-expanded=false]').last();
    await closed.click();
    await page.waitForFunction(() => document.querySelector('.output').dataset.busy === 'false');
  }
  text = await tree(page);
  assert(text.includes('head = 5;'), `deep tree: ${text}`);
  await shot(page, '15-lazy-expanded.png');
});

test('usable on a phone (360 px wide)', async (t) => {
  const page = await open(t, '', { viewport: { width: 360, height: 740 } });
  await waitEval(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await shot(page, '16-phone.png');
  await runCode(page, '{ phone = true; }');
  assert((await tree(page)).includes('phone = true;'), 'evaluates');
});


test('derivation tab: drvPath, outputs, ATerm, derivation show JSON, dependency graph', async (t) => {
  const page = await open(t);
  await waitEval(page);
  await runCode(page, 'let mk = name: deps: derivation { inherit name; system = "x86_64-linux"; builder = "/bin/sh"; '
    + 'args = [ "-c" "echo ${toString deps} > $out" ]; }; a = mk "a" []; b = mk "b" [ a ]; in { inherit a b; n = 1; }');
  await page.click('[data-testid=tab-drv]');
  await page.locator('[data-testid=derivation]').waitFor();
  assertEq(await page.locator('[data-testid=drv-node]').count(), 2, 'graph nodes');
  assertEq(await page.locator('.drv-edge').count(), 1, 'graph edges');
  await page.click('.drv-root:has-text("b: b")');
  assertEq(await page.locator('[data-testid=drv-name]').innerText(), 'b', 'selected');
  // drvPath and outPath as real Nix 2.26 computes them.
  assertEq(await page.locator('[data-testid=drv-path]').innerText(), '/nix/store/fm36ihk7m7lh9y6h342csh476zh0smqc-b.drv', 'drvPath');
  assert((await page.locator('.drv-paths').innerText()).includes('/nix/store/84k3jdxifkm3zivpmqswm4hh12ciq81g-b'), 'outPath');
  const aterm = await page.locator('[data-testid=drv-aterm]').innerText();
  assert(aterm.startsWith('Derive([("out","/nix/store/84k3jdxifkm3zivpmqswm4hh12ciq81g-b"'), `aterm: ${aterm.slice(0, 120)}`);
  const json = JSON.parse(await page.locator('[data-testid=drv-json]').innerText());
  const key = Object.keys(json)[0];
  assert(key.endsWith('-b.drv'), `show json key ${key}`);
  assertEq(Object.keys(json[key].inputDrvs).length, 1, 'one input derivation');
  await shot(page, 'drv-01-derivation.png');
  // Clicking a box of the graph shows that derivation.
  await page.locator('[data-testid=drv-node] text').filter({ hasText: /^a$/ }).click();
  assertEq(await page.locator('[data-testid=drv-name]').innerText(), 'a', 'graph click');
  // A value that is not a derivation says so.
  await runCode(page, '{ x = 1; }');
  await page.locator('[data-testid=no-derivation]').waitFor();
});

test('the ca-derivations switch: a content-addressed derivation gets Nix\'s placeholder, in the value and the derivation view, and the switch is remembered', async (t) => {
  const page = await open(t);
  await waitEval(page);
  const program = 'let d = args: derivation ({ builder = "/bin/sh"; system = "x86_64-linux"; } // args); '
    + 'a = d { name = "a"; __contentAddressed = true; }; in d { name = "b"; dep = a; }';
  await runCode(page, '(' + program + ').outPath');
  assert((await page.locator('.output').innerText()).includes("experimental Nix feature 'ca-derivations' is disabled"), 'refused without the switch');
  await page.check('[data-testid=ca-derivations]');
  await runCode(page, '(' + program + ').outPath');
  // What real Nix 2.26 gives (a downstream placeholder: b depends on a content-addressed a).
  assertEq((await tree(page)).trim(), '"/14gjmgkr7khz727kq6blmz3rd2hj7qgnmpfpkckm2vj4fdm7qjfd"', 'placeholder');
  await runCode(page, program);
  await page.click('[data-testid=tab-drv]');
  await page.locator('[data-testid=derivation]').waitFor();
  await page.click('.drv-root:has-text("b")');
  assertEq(await page.locator('[data-testid=drv-path]').innerText(), '/nix/store/ishxb85mcr5cxw8a09h7j8cvnghmsczg-b.drv', 'drvPath');
  await page.locator('[data-testid=drv-node] text').filter({ hasText: /^a$/ }).click();
  const aterm = await page.locator('[data-testid=drv-aterm]').innerText();
  assert(aterm.startsWith('Derive([("out","","r:sha256","")]'), `aterm: ${aterm.slice(0, 80)}`);
  await shot(page, 'drv-02-content-addressed.png');
  await page.reload();
  await waitEval(page);
  assert(await page.isChecked('[data-testid=ca-derivations]'), 'remembered');
});

test('the derivation view downloads a CycloneDX SBOM of a package of the miniature nixpkgs', async (t) => {
  const page = await open(t);
  await waitEval(page);
  await runCode(page, 'let pkgs = import <nixpkgs> { }; in { inherit (pkgs) curl; }');
  await page.click('[data-testid=tab-drv]');
  await page.locator('[data-testid=derivation]').waitFor();
  await page.click('.drv-root:has-text("curl")');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid=sbom-download]'),
  ]);
  assertEq(download.suggestedFilename(), 'curl-8.11.1.cdx.json', 'file name');
  const path = await download.path();
  const sbom = JSON.parse(readFileSync(path, 'utf8'));
  assertEq(sbom.bomFormat, 'CycloneDX', 'format');
  assertEq(sbom.specVersion, '1.5', 'version');
  assertEq(sbom.metadata.component.name, 'curl', 'the package');
  const names = sbom.components.map((c) => c.name);
  for (const dep of ['openssl', 'zlib', 'nghttp2']) assert(names.includes(dep), `component ${dep} in ${names.join(' ')}`);
  await shot(page, 'drv-03-sbom.png');
});

test('the derivation view says which platform each input of a cross-compiled package comes from', async (t) => {
  const page = await open(t);
  await waitEval(page);
  await runCode(page, '(import <nixpkgs> { }).pkgsCross.aarch64-multiplatform.curl');
  await page.click('[data-testid=tab-drv]');
  await page.locator('[data-testid=derivation]').waitFor();
  const inputs = page.locator('.drv-inputs > li');
  const roleOf = async (name) => inputs.filter({ hasText: name }).first().locator('[data-testid=drv-input-roles]').innerText();
  assert((await roleOf('-pkg-config-')).startsWith('in nativeBuildInputs: build platform'), 'pkg-config runs on the build platform');
  assert((await roleOf('-openssl-aarch64-unknown-linux-gnu-')).startsWith('in buildInputs: host platform'), 'openssl is built for the host');
  await inputs.first().scrollIntoViewIfNeeded();
  await shot(page, 'drv-05-cross-inputs.png');
});

test('the derivation view shows a container image\'s config and layer plan without building it', async (t) => {
  const page = await open(t);
  await waitEval(page);
  await runCode(page, 'let pkgs = import <nixpkgs> { }; in pkgs.dockerTools.buildLayeredImage { name = "web"; tag = "1.0"; '
    + 'contents = [ pkgs.jq ]; config = { Cmd = [ "${pkgs.jq}/bin/jq" ]; ExposedPorts."8080/tcp" = { }; }; maxLayers = 3; }');
  await page.click('[data-testid=tab-drv]');
  await page.locator('[data-testid=drv-image]').waitFor();
  const config = JSON.parse(await page.locator('[data-testid=image-config]').innerText());
  assert(config.Cmd[0].endsWith('/bin/jq'), `config ${JSON.stringify(config)}`);
  assert('8080/tcp' in config.ExposedPorts, 'ports');
  const layers = page.locator('[data-testid=image-layers] > li');
  assertEq(await layers.count(), 3, 'maxLayers layers');
  assert((await layers.last().innerText()).includes('customisation layer'), 'the customisation layer is last');
  await page.locator('[data-testid=drv-image]').scrollIntoViewIfNeeded();
  await shot(page, 'drv-04-image.png');
});

test('flake tab: templates and the registry; the files as a flake — nix flake show, check, what nix build and nix run use, the lock file', async (t) => {
  const page = await open(t);
  await waitEval(page);
  // No flake.nix yet: the tab says so, lists the registry, and offers templates.
  await page.click('[data-testid=tab-flake]');
  await page.locator('[data-testid=flake-error]').waitFor();
  assert((await page.locator('[data-testid=flake-registry] pre').textContent()).includes('global flake:nixpkgs'), 'registry');
  await page.click('[data-testid=flake-init][data-template="templates#trivial"]');
  await page.locator('.file-tab[data-file="flake.nix"]').waitFor();
  assertEq(await page.locator('.file-tab.active').getAttribute('data-file'), 'flake.nix', 'the template is opened');
  await page.locator('[data-testid=flake-show]').waitFor();
  assert((await page.locator('[data-testid=flake-show]').innerText()).includes("hello: package 'hello-2.12.1'"), 'template shown');
  assert((await page.locator('.notices').innerText()).includes('Copied the template templates#trivial'), 'said once');
  await page.fill('textarea.input', '{\n  description = "hello as a flake";\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";\n'
    + '  outputs = { self, nixpkgs }: {\n    packages.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.hello;\n'
    + '    apps.x86_64-linux.default = { type = "app"; program = "${self.packages.x86_64-linux.default}/bin/hello"; meta.description = "hello"; };\n'
    + '  };\n}\n');
  await page.click('[data-testid=tab-flake]');
  // The Flake tab follows the files when they are run.
  await page.click('[data-testid=run]');
  await page.waitForFunction(() => (document.querySelector('[data-testid=flake-show]')?.innerText || '').includes('apps'));
  const show = await page.locator('[data-testid=flake-show]').innerText();
  assert(show.includes("default: package 'hello-2.12.1'") && show.includes('apps'), `show: ${show}`);
  assertEq(await page.locator('[data-testid=flake-check]').innerText(), 'nix flake check: no errors', 'check');
  const drv = await page.locator('[data-testid=flake-derivation][data-attr="packages.x86_64-linux.default"]').innerText();
  assert(drv.includes('/nix/store/g5dhwa743bq245wddlqaj5yfkkfrbv82-hello-2.12.1.drv'), `derivation: ${drv}`);
  assert(/\/nix\/store\/[a-z0-9]{32}-hello-2\.12\.1\/bin\/hello/.test(await page.locator('[data-testid=flake-app]').innerText()), 'app program');
  await page.click('[data-testid=flake-lock] summary');
  const lock = JSON.parse(await page.locator('[data-testid=flake-lock] pre').innerText());
  assertEq(lock.nodes.root.inputs.nixpkgs, 'nixpkgs', 'lock root');
  await shot(page, 'flake-01-view.png');
  // An impure flake: nix flake check's error, with Nix's words.
  await page.fill('textarea.input', '{\n  outputs = { self }: {\n    packages.x86_64-linux.default = (import <nixpkgs> { }).hello;\n  };\n}\n');
  await page.click('[data-testid=run]');
  await page.waitForFunction(() => (document.querySelector('[data-testid=flake-check]')?.innerText || '').includes('pure evaluation mode'));
  assert(!(await page.locator('.notices').innerText()).includes('refusing to overwrite'), 'a template is copied once, not again when the files change');
});

test('<nixpkgs> is the miniature nixpkgs, fetched once when first used', async (t) => {
  const page = await open(t);
  const packs = [];
  page.on('request', (r) => { if (r.url().endsWith('nixpkgs.pack')) packs.push(r.url()); });
  await waitEval(page);
  assertEq(packs.length, 0, 'not fetched for a program without <nixpkgs>');
  await runCode(page, '(import <nixpkgs> { }).hello.drvPath');
  // The store path real Nix 2.26 computes for nixpkgs-lite's hello.
  assertEq((await tree(page)).trim(), '"/nix/store/g5dhwa743bq245wddlqaj5yfkkfrbv82-hello-2.12.1.drv"', 'hello');
  await runCode(page, 'with import <nixpkgs> { overlays = [ (final: prev: { hello = prev.hello.overrideAttrs { doCheck = false; }; }) ]; }; hello');
  await page.click('[data-testid=tab-drv]');
  await page.locator('[data-testid=derivation]').waitFor();
  assertEq(await page.locator('[data-testid=drv-name]').first().innerText(), 'hello-2.12.1', 'the derivation view shows it');
  assert((await page.locator('[data-testid=drv-node]').count()) > 10, 'with its dependency graph');
  await shot(page, 'nixpkgs-01-hello.png');
  assertEq(packs.length, 1, `fetched once: ${packs}`);
});

// ---- Lessons ----

const LESSON = '#/lessons/language/values';
const WRONG = '{ anInt = 5; aFloat = 2.5; aString = "nix"; aBool = true; half = 7 / 2; }';
const SOLUTION = '{ anInt = 512; aFloat = 2.5; aString = "Nix"; aBool = true; half = 7 / 2.0; }';

/** Clicks Check on the open lesson and waits for its report. */
async function check(page) {
  const n = await page.evaluate(() => Number(document.querySelector('[data-testid=lesson]').dataset.checks));
  await page.click('[data-testid=check]');
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=lesson]')?.dataset.checks) > n, n, { timeout: 15000 });
  await page.locator('[data-testid=check-results]').waitFor();
}

const chapterProgress = (page) => page.locator('[data-testid=chapter-progress]').first().innerText();

test('lessons: list, example, wrong answer with failing check and hint, solution, done, kept after reload', async (t) => {
  const page = await open(t, '#/lessons');
  await page.locator('[data-testid=chapter]').first().waitFor();
  assert(await page.locator('[data-testid=chapter]').count() >= 2, 'two chapters or more');
  assert(await page.locator('[data-testid=lesson-item]').count() >= 10, 'lessons listed');
  assert(/^0 \/ \d+ done$/.test(await chapterProgress(page)), `progress: ${await chapterProgress(page)}`);
  await shot(page, 'lessons-01-list.png');

  await page.click('[data-testid=lesson-item][data-lesson="language/values"] a');
  await page.waitForFunction(() => location.hash === '#/lessons/language/values');
  await page.locator('[data-testid=lesson] h1').waitFor();
  assert((await page.locator('.lesson-prose h1').innerText()).includes('Values and types'), 'title');
  // A runnable example runs in the worker.
  await page.locator('[data-testid=run-example]').first().click();
  const out = await page.locator('[data-testid=example-output]').first().innerText();
  assert(out.includes('"int"') && out.includes('"float"'), `example output: ${out}`);

  // A syntax error is reported and underlined.
  await page.fill('textarea.input', '{ anInt = ; }');
  await check(page);
  await page.locator('[data-testid=check-error]').first().waitFor();
  assert(await page.locator('.hl .err').count() > 0, 'error underlined in the editor');

  // A wrong answer: failing checks with expected vs got, and a hint.
  await page.fill('textarea.input', WRONG);
  await check(page);
  assertEq(await page.locator('[data-testid=check-results]').getAttribute('data-passed'), 'false', 'not passed');
  const failedCheck = page.locator('[data-testid=check][data-status=Failed]', { hasText: 'aString' });
  const failedText = await failedCheck.innerText();
  assert(failedText.includes('expected') && failedText.includes('"Nix"') && failedText.includes('"nix"'), `failed check: ${failedText}`);
  assertEq(await page.locator('[data-testid=hint]').count(), 0, 'no hint before asking');
  await page.click('[data-testid=show-hint]');
  assertEq(await page.locator('[data-testid=hint]').count(), 1, 'one hint shown');
  assert((await page.locator('[data-testid=hint]').innerText()).includes('Hint 1'), 'first hint');
  await shot(page, 'lessons-02-failed-check.png');

  // The solution can be revealed after a failed attempt, and is marked as revealed.
  await page.click('[data-testid=reveal-solution]');
  assert((await page.locator('[data-testid=solution]').innerText()).includes('revealed'), 'marked revealed');

  // The reference solution passes: the lesson is done.
  await page.fill('textarea.input', SOLUTION);
  await check(page);
  assertEq(await page.locator('[data-testid=check-results]').getAttribute('data-passed'), 'true', 'passed');
  await page.locator('[data-testid=lesson-done]').waitFor();
  await shot(page, 'lessons-03-done.png');

  // Reload on the deep link: progress and code are kept.
  await page.reload();
  await page.locator('[data-testid=lesson-done]').waitFor();
  assertEq(await page.inputValue('textarea.input'), SOLUTION, 'code kept');
  assert((await page.locator('[data-testid=lesson-stats]').innerText()).includes('solution revealed'), 'revealed kept');
  await page.click('.lesson-nav .next');
  await page.waitForFunction(() => location.hash === '#/lessons/language/strings');
  await page.goto(BASE + '#/lessons');
  await page.locator('[data-testid=chapter]').first().waitFor();
  assert(/^1 \/ \d+ done$/.test(await chapterProgress(page)), `progress: ${await chapterProgress(page)}`);
  assertEq(await page.locator('[data-lesson="language/values"]').getAttribute('data-done'), 'true', 'marked done');
  await shot(page, 'lessons-04-progress.png');
});

test('an overlay lesson: checks run against the miniature nixpkgs; final in its own definition fails, the solution passes', async (t) => {
  const page = await open(t, '#/lessons/overlays/final-and-prev');
  await page.locator('[data-testid=lesson] h1').waitFor();
  // Its runnable example imports <nixpkgs> in the worker.
  await page.locator('[data-testid=run-example]').first().click();
  const out = await page.locator('[data-testid=example-output]').first().innerText();
  assert(out.includes('42') && out.includes('"hello-2.12.1"'), `example output: ${out}`);
  const recursive = 'final: prev: {\n  hello = final.hello.overrideAttrs (old: { doCheck = false; });\n}\n';
  await page.fill('textarea.input', recursive);
  await check(page);
  assertEq(await page.locator('[data-testid=check-results]').getAttribute('data-passed'), 'false', 'not passed');
  const report = await page.locator('[data-testid=check-results]').innerText();
  assert(report.includes('infinite recursion'), `the learner sees why: ${report.slice(0, 400)}`);
  await shot(page, 'lessons-overlay-01-recursion.png');
  const solution = 'final: prev: {\n  hello = prev.hello.overrideAttrs (old: { doCheck = false; });\n'
    + '  greeting = final.writeShellScriptBin "greeting" \'\'\n    ${final.hello}/bin/hello -g "Hello, overlays!"\n  \'\';\n}\n';
  await page.fill('textarea.input', solution);
  await check(page);
  assertEq(await page.locator('[data-testid=check-results]').getAttribute('data-passed'), 'true', 'passed');
  await page.locator('[data-testid=lesson-done]').waitFor();
  await shot(page, 'lessons-overlay-02-done.png');
});

test('a cross-compilation lesson: the .drv\'s system taken from the target fails, the solution passes', async (t) => {
  const page = await open(t, '#/lessons/advanced/pkgs-cross');
  await page.locator('[data-testid=lesson] h1').waitFor();
  const lesson = join(ROOT, 'lessons/08-advanced/02-pkgs-cross');
  await page.fill('textarea.input', readFileSync(join(lesson, 'solution/cross.nix'), 'utf8')
    .replace('builtOn = cross.system;', 'builtOn = crossPkgs.stdenv.hostPlatform.system;'));
  await check(page);
  assertEq(await page.locator('[data-testid=check-results]').getAttribute('data-passed'), 'false', 'the build machine is not the target');
  await page.fill('textarea.input', readFileSync(join(lesson, 'solution/cross.nix'), 'utf8'));
  await check(page);
  assertEq(await page.locator('[data-testid=check-results]').getAttribute('data-passed'), 'true', 'passed');
  await page.locator('[data-testid=lesson-done]').waitFor();
  await shot(page, 'lessons-cross-01-done.png');
});

test('the impact view: a finished overlay lesson opened in the playground lists what its overlay rebuilds', async (t) => {
  const page = await open(t, '#/lessons/overlays/final-and-prev');
  await page.locator('[data-testid=lesson] h1').waitFor();
  const solution = 'final: prev: {\n  hello = prev.hello.overrideAttrs (old: { doCheck = false; });\n'
    + '  greeting = final.writeShellScriptBin "greeting" \'\'\n    ${final.hello}/bin/hello -g "Hello, overlays!"\n  \'\';\n}\n';
  await page.fill('textarea.input', solution);
  await check(page);
  assertEq(await page.locator('[data-testid=check-results]').getAttribute('data-passed'), 'true', 'passed');
  await page.click('[data-testid=open-in-playground]');
  await page.waitForURL(/#\/?$/);
  assertEq(await page.locator('textarea.input').inputValue(), solution, 'the learner\'s overlay is in the playground');
  await waitEval(page);
  await page.click('#tab-impact');
  const summary = page.locator('[data-testid=impact-summary]');
  await summary.waitFor({ timeout: 20000 });
  const text = await summary.innerText();
  // hello changed itself (doCheck); nothing in nixpkgs-lite depends on hello.
  assert(/^1 of \d+ packages rebuild \(1 directly, 0 through their inputs\)/.test(text), `summary: ${text}`);
  const hello = page.locator('.impact-table tr[data-attr=hello]');
  assert((await hello.innerText()).includes('attribute doCheck changed'), await hello.innerText());
  const added = await page.locator('[data-testid=impact]').innerText();
  assert(added.includes('added: greeting'), `greeting is new: ${added.slice(0, 300)}`);
  await shot(page, 'impact-01-overlay.png');
  // A mass rebuild: zlib changed for everything that links it.
  await runCode(page, 'final: prev: { zlib = prev.zlib.overrideAttrs { NIX_CFLAGS = "-O3"; }; }');
  await page.locator('[data-testid=impact-summary]').waitFor({ timeout: 20000 });
  const mass = await page.locator('[data-testid=impact-summary]').innerText();
  assert(/^(\d+) of \d+ packages rebuild \(1 directly, (\d+) through their inputs\)/.test(mass), mass);
  assert(Number(mass.match(/\((1) directly, (\d+)/)[2]) >= 10, `zlib's dependants: ${mass}`);
  await page.fill('.impact-view input[type=search]', 'curl');
  assert((await page.locator('.impact-table tbody tr').count()) >= 1, 'the filter keeps curl');
  assert((await page.locator('.impact-table tr[data-attr=zlib]').count()) === 0, 'the filter hides zlib');
  await shot(page, 'impact-02-mass-rebuild.png');
});

test('a module lesson: `if` around config is an infinite recursion, mkIf passes', async (t) => {
  const page = await open(t, '#/lessons/modules/options');
  await page.locator('[data-testid=lesson] h1').waitFor();
  const module = (config) => '{ config, lib, ... }:\nlet cfg = config.services.greeter; in\n{\n'
    + '  options.services.greeter = {\n    enable = lib.mkEnableOption "the greeter";\n'
    + '    name = lib.mkOption { type = lib.types.str; default = "world"; description = "Who to greet."; };\n  };\n'
    + `  config = ${config};\n}\n`;
  await page.fill('textarea.input', module('if cfg.enable then { environment.etc.greeting.text = "Hello, ${cfg.name}!"; } else { }'));
  await check(page);
  assertEq(await page.locator('[data-testid=check-results]').getAttribute('data-passed'), 'false', 'not passed');
  assert((await page.locator('[data-testid=check-results]').innerText()).includes('infinite recursion'), 'infinite recursion shown');
  await page.fill('textarea.input', module('lib.mkIf cfg.enable { environment.etc.greeting.text = "Hello, ${cfg.name}!"; }'));
  await check(page);
  assertEq(await page.locator('[data-testid=check-results]').getAttribute('data-passed'), 'true', 'passed');
  await shot(page, 'lessons-module-01-done.png');
});

test('options browser: every option with type, default, value and where modules define it; a bad definition is underlined', async (t) => {
  const page = await open(t);
  await waitEval(page);
  await page.fill('textarea.input', 'let lib = import <nixpkgs/lib>; in\nlib.evalModules { modules = [ ./web.nix ./machine.nix ]; }\n');
  await page.click('button[aria-label="Add a file"]');
  await page.click('text=Rename');
  await page.fill('input.rename', 'machine.nix');
  await page.keyboard.press('Enter');
  await page.fill('textarea.input', '{ lib, ... }:\n{\n  services.web.enable = true;\n  services.web.port = lib.mkForce 8080;\n}\n');
  await page.click('button[aria-label="Add a file"]');
  await page.click('text=Rename');
  await page.fill('input.rename', 'web.nix');
  await page.keyboard.press('Enter');
  await page.fill('textarea.input', '{ lib, ... }: {\n  options.services.web = {\n    enable = lib.mkEnableOption "the web server";\n'
    + '    port = lib.mkOption { type = lib.types.port; default = 80; description = "Where the server listens."; };\n'
    + '    root = lib.mkOption { type = lib.types.str; description = "The folder it serves."; };\n  };\n}\n');
  await page.click('[data-file="default.nix"]');
  let n = await evaluations(page);
  await page.click('[data-testid=run]');
  await waitEval(page, n + 1);
  await page.click('[data-testid=tab-options]');
  await page.locator('[data-testid=options]').waitFor();
  assertEq(await page.locator('[data-testid=options-count]').innerText(), '3 options', 'count');
  const port = page.locator('[data-testid=option][data-name="services.web.port"]');
  await port.locator('summary').click();
  const details = await port.innerText();
  for (const part of ['16 bit unsigned integer', 'Where the server listens.', 'Default', '80', '/web.nix', 'machine.nix:4:']) {
    assert(details.includes(part), `port details lack ${part}: ${details}`);
  }
  assertEq(await port.locator('[data-testid=option-value]').innerText(), '8080', 'the value (config view)');
  const root = page.locator('[data-testid=option][data-name="services.web.root"]');
  await root.locator('summary').click();
  assert((await root.locator('[data-testid=option-value]').innerText()).includes('is used but not defined'), 'an undefined option says why');
  await page.fill('[data-testid=options-filter]', 'listens');
  assertEq(await page.locator('[data-testid=options-count]').innerText(), '1 of 3 options', 'filtered by description');
  await shot(page, 'options-01-browser.png');
  // The position opens the file that defines the option.
  await port.locator('[data-testid=option-position]').click();
  assertEq(await page.locator('.file-tab.active').getAttribute('data-file'), 'machine.nix', 'opened the defining file');
  // A definition of the wrong type: the error points at it, not into the module system.
  await page.fill('textarea.input', '{ lib, ... }:\n{\n  services.web.enable = true;\n  services.web.port = "eighty";\n}\n');
  await page.click('[data-file="default.nix"]');
  await page.fill('textarea.input', 'let lib = import <nixpkgs/lib>; in\n(lib.evalModules { modules = [ ./web.nix ./machine.nix ]; }).config.services.web.port\n');
  n = await evaluations(page);
  await page.click('[data-testid=run]');
  await waitEval(page, n + 1);
  await page.click('[data-testid=tab-value]');
  const error = await page.locator('[data-testid=error]').innerText();
  assert(error.includes("A definition for option `services.web.port' is not of type"), `error: ${error.slice(0, 300)}`);
  assert(error.includes('Go to machine.nix:4:'), `points at the definition: ${error.slice(0, 300)}`);
  await page.click('[data-testid=error] .error-head button');
  assertEq(await page.locator('.file-tab.active').getAttribute('data-file'), 'machine.nix', 'opened');
  const underlined = (await page.locator('.hl .err').allInnerTexts()).join('');
  assertEq(underlined, '"eighty"', 'the definition is underlined');
  await shot(page, 'options-02-bad-definition.png');
});

test('a flake lesson: pure evaluation refuses <nixpkgs>; the solution passes and shows its lock file', async (t) => {
  const page = await open(t, '#/lessons/flakes/what-is-a-flake');
  await page.locator('[data-testid=lesson] h1').waitFor();
  const impure = '{\n  description = "A first flake";\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";\n'
    + '  outputs = { self, nixpkgs }: {\n    packages.x86_64-linux.hello = (import <nixpkgs> { }).hello;\n'
    + '    packages.x86_64-linux.default = self.packages.x86_64-linux.hello;\n  };\n}\n';
  await page.fill('textarea.input', impure);
  await check(page);
  assertEq(await page.locator('[data-testid=check-results]').getAttribute('data-passed'), 'false', 'not passed');
  const report = await page.locator('[data-testid=check-results]').innerText();
  assert(report.includes('pure evaluation mode'), `the learner sees why: ${report.slice(0, 600)}`);
  await page.fill('textarea.input', impure.replace('(import <nixpkgs> { }).hello', 'nixpkgs.legacyPackages.x86_64-linux.hello'));
  await check(page);
  assertEq(await page.locator('[data-testid=check-results]').getAttribute('data-passed'), 'true', 'passed');
  await page.locator('[data-testid=lesson-done]').waitFor();
  const show = await page.locator('[data-testid=flake-show]').innerText();
  assert(show.includes("packages") && show.includes("package 'hello-2.12.1'"), `nix flake show: ${show}`);
  await page.click('[data-testid=flake-lock] summary');
  const lock = JSON.parse(await page.locator('[data-testid=flake-lock] pre').innerText());
  assertEq(lock.version, 7, 'lock file version');
  assertEq(lock.nodes.nixpkgs.original.ref, 'nixos-24.11', 'locked input');
  assert(/^[0-9a-f]{40}$/.test(lock.nodes.nixpkgs.locked.rev), `rev: ${lock.nodes.nixpkgs.locked.rev}`);
  await shot(page, 'lessons-flake-01-done.png');
});

test('lessons: export, reset and re-import progress; damaged progress is ignored with a notice', async (t) => {
  const page = await open(t, LESSON);
  await page.locator('[data-testid=lesson] h1').waitFor();
  await page.fill('textarea.input', SOLUTION);
  await check(page);
  await page.locator('[data-testid=lesson-done]').waitFor();
  await page.goto(BASE + '#/lessons');
  await page.locator('[data-testid=export-progress]').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-progress]')]);
  assertEq(download.suggestedFilename(), 'nixpad-progress.json', 'file name');
  const { readFileSync } = await import('node:fs');
  const exported = readFileSync(await download.path(), 'utf8');
  assert(exported.includes('language/values'), `exported: ${exported.slice(0, 200)}`);

  await page.click('[data-testid=reset-progress]');
  await page.click('[data-testid=reset-yes]');
  await page.waitForFunction(() => /^0 \//.test(document.querySelector('[data-testid=chapter-progress]').innerText));

  await page.setInputFiles('[data-testid=import-progress]', { name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await page.waitForFunction(() => /^1 \//.test(document.querySelector('[data-testid=chapter-progress]').innerText));
  // A file that is not progress is refused with a message, nothing changes.
  await page.setInputFiles('[data-testid=import-progress]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await page.locator('[data-testid=notice]', { hasText: 'Nothing was imported' }).waitFor();
  assert(/^1 \//.test(await chapterProgress(page)), 'progress unchanged');
  await shot(page, 'lessons-05-imported.png');

  // Damaged progress in localStorage: ignored, with a notice.
  await page.evaluate(() => localStorage.setItem('nixpad:progress', '{"format": broken'));
  await page.reload();
  await page.locator('[data-testid=notice]', { hasText: 'lesson progress' }).waitFor();
  assert(/^0 \//.test(await chapterProgress(page)), 'fresh progress');
});

/** A lesson pack as plain JSON (the app also reads uncompressed packs): one chapter
 * with one lesson whose check wants `x = 1` in main.nix. */
function jsonPack(chapter, title) {
  const paragraph = (text) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  return JSON.stringify({
    format: 'nixpad-lessons', version: 1,
    chapters: [{
      id: chapter, title, summary: `The ${title} chapter.`,
      lessons: [{
        id: `${chapter}/hello`, dir: `01-${chapter}/01-hello`, title: `Hello from ${title}`,
        summary: 'Set x to 1.', hints: [{ blocks: [paragraph('One is 1.')] }], main: 'main.nix',
        files: [{ name: 'main.nix', editable: true, starter: '{ x = 0; }', solution: '{ x = 1; }' }],
        check: '{ files, ... }: [ { name = "x is 1"; expected = 1; actual = files."main.nix".x; } ]',
        document: { blocks: [paragraph(`A lesson of the ${title} pack.`)] },
      }],
    }],
  });
}

test('lesson packs: workshop.pack and ?lessons= chapters load beside the curriculum; a broken pack names its URL', async (t) => {
  const page = await open(t, null);
  await page.route('**/workshop.pack', (route) => route.fulfill({ status: 200, body: jsonPack('workshop', 'Workshop') }));
  await page.route('**/extra.pack', (route) => route.fulfill({ status: 200, body: jsonPack('extra', 'Extra') }));
  await page.route('**/broken.pack', (route) => route.fulfill({ status: 200, body: 'PK\u0003\u0004 not a pack' }));
  await page.goto(BASE + '?lessons=extra.pack&lessons=broken.pack&lessons=missing.pack#/lessons');
  await page.waitForFunction(() => document.querySelector('[data-testid=lessons]')?.dataset.loaded === 'true');
  const chapters = await page.locator('[data-testid=chapter]').evaluateAll((els) => els.map((e) => e.dataset.chapter));
  assert(chapters.includes('language'), `built-in chapters still shown: ${chapters}`);
  assertEq(chapters.slice(-2).join(','), 'workshop,extra', 'workshop, then ?lessons= packs, after the curriculum');
  const errors = await page.locator('[data-testid=pack-error]').evaluateAll((els) => els.map((e) => e.innerText));
  assertEq(errors.length, 2, `two broken packs: ${errors}`);
  assert(errors[0].includes('broken.pack') && /cannot read the lesson pack/.test(errors[0]), `names the URL and why: ${errors[0]}`);
  assert(errors[1].includes('missing.pack') && errors[1].includes('404'), `a missing pack: ${errors[1]}`);
  await shot(page, 'lessons-06-packs.png');

  // A workshop lesson is checked in the worker with the check from its pack.
  await page.click('[data-testid=lesson-item][data-lesson="workshop/hello"] a');
  await page.locator('[data-testid=lesson] h1').waitFor();
  await page.fill('textarea.input', '{ x = 2; }');
  await check(page);
  assertEq(await page.locator('[data-testid=check-results]').getAttribute('data-passed'), 'false', 'wrong answer');
  await page.fill('textarea.input', '{ x = 1; }');
  await check(page);
  assertEq(await page.locator('[data-testid=check-results]').getAttribute('data-passed'), 'true', 'solution passes');
  // The browser logs the 404 of missing.pack itself; that one is expected.
  t.errors = t.errors.filter((e) => !e.includes('status of 404'));
});

test('a first visit shows the default example and its value before the app loads; the app then takes over', async (t) => {
  const page = await open(t, null);
  // Hold the app's wasm back: the first view must not need it.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/nixpad-web-*_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(BASE);
  await page.waitForFunction(() => performance.getEntriesByName('nixpad-first-result').length > 0, null, { timeout: 15000 });
  const first = await page.locator('#boot-result').innerText();
  assert(first.startsWith('{ answer = 42; email = "no email";') && first.includes('sum = 10; }'), `first view: ${first}`);
  assert(await page.locator('#boot-code').innerText().then((c) => c.includes('double = x: x * 2;')), 'the example is shown');
  await shot(page, '40-first-view.png');
  release();
  await waitEval(page);
  await page.waitForSelector('#boot', { state: 'detached' });
  assert((await tree(page)).includes('answer = 42;'), 'the app shows the value');
  await page.fill('textarea.input', '1 + 1');
  await page.click('[data-testid=run]');
  await waitEval(page, 2);
  assert((await tree(page)).includes('2'), 'the app evaluates what is typed');

  // A visitor with saved files, and a deep link, open the app directly: the
  // evaluator-only worker is not fetched.
  const fetched = [];
  page.context().on('request', (r) => fetched.push(r.url()));
  await page.reload();
  await waitEval(page);
  assertEq(await page.locator('#boot').count(), 0, 'no first view');
  assert((await tree(page)).includes('2'), 'the saved files are back');
  await page.goto(BASE + '#/examples');
  await page.reload();
  await page.waitForSelector('text=A tour of the language', { timeout: 15000 });
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector('text=A tour of the language', { timeout: 15000 });
  assertEq(await page.locator('#boot').count(), 0, 'no first view on another route');
  assert(!fetched.some((u) => u.includes('embed-worker')), `the evaluator-only worker was fetched: ${fetched}`);
});

test('the first view gives way to the app when its worker cannot load', async (t) => {
  const page = await open(t, null);
  await page.route('**/embed-worker_bg.wasm', (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto(BASE);
  await waitEval(page);
  await page.waitForSelector('#boot', { state: 'detached' });
  assert((await tree(page)).includes('answer = 42;'), 'the app shows the value');
  t.errors = t.errors.filter((e) => !e.includes('404'));
});

test('the first load stays within its size budget and fetches no lessons', async () => {
  const load = await measureFirstLoad(browser, BASE);
  const kinds = new Set(load.files.map((f) => f.kind));
  assert(kinds.has('evaluator wasm') && !kinds.has('page wasm') && !kinds.has('worker wasm'),
    `only the evaluator-only worker before the first result: ${load.files.map((f) => `${f.url} ${f.kind}`)}`);
  assert(!load.files.some((f) => f.url.endsWith('.pack')), `no lesson pack before the first result: ${load.files.map((f) => f.url)}`);
  assert(load.gzip <= FIRST_LOAD_BUDGET,
    `first load ${load.gzip} B gzip > budget ${FIRST_LOAD_BUDGET} B: ${load.files.map((f) => `${f.url} ${f.gzip}`).join(', ')}`);
});

const { passed, failed } = await runTests(tests, FILTER, SHOTS);
await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
