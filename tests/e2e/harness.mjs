// What the end-to-end test files share: running a list of tests with fresh state each,
// failing a test on any console error, page error or CSP violation its pages recorded.
import { join } from 'node:path';

/**
 * Runs `tests` ({ name, fn }) whose name contains `filter`. Each `fn` gets
 * `t = { errors, contexts, pages, allow }`: it pushes the contexts and pages it opens
 * (closed afterwards, checked for CSP violations recorded in `window.__csp`) and the
 * errors it saw. Prints `ok`/`FAIL` per test, saves a screenshot of a failure in `shots`.
 * Returns { passed, failed }.
 */
export async function runTests(tests, filter, shots) {
  let passed = 0;
  let failed = 0;
  for (const { name, fn } of tests) {
    if (filter && !name.includes(filter)) continue;
    const t = { errors: [], contexts: [], pages: [], allow: null };
    const started = Date.now();
    try {
      await fn(t);
      for (const page of t.pages) {
        if (page.isClosed()) continue;
        const csp = await page.evaluate(() => window.__csp || []).catch(() => []);
        t.errors.push(...csp.map((c) => `CSP violation: ${c}`));
      }
      if (t.errors.length) throw new Error(t.errors.join('\n'));
      passed++;
      console.log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}\n     ${String(e.message || e).split('\n').join('\n     ')}`);
      const page = t.pages[t.pages.length - 1];
      if (page && !page.isClosed()) {
        await page.screenshot({ path: join(shots, `fail-${name.replace(/[^a-z0-9]+/gi, '-')}.png`) }).catch(() => {});
      }
    }
    for (const c of t.contexts) await c.close().catch(() => {});
  }
  return { passed, failed };
}
