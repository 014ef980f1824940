// Nixpad embed: turns code blocks on any page into small runnable Nix editors.
//
//   <script src="https://HOST/embed.js" data-selector="pre.nix-playground" defer></script>
//
// Every element matching data-selector (default `pre.nix-playground`) becomes an editor
// with a Run button and the value (or error) printed like `nix-instantiate --eval --strict`.
// Per block (attributes of the <pre>):
//   data-readonly          the code cannot be edited (it can still be run)
//   data-expected="TEXT"   the expected output, shown and compared after a run
//   data-timeout="MS"      time limit of one run (default 10000)
//   data-max-lines="N"     the editor grows with the code up to N lines (default 30)
//   lines starting with `#hide ` at the top or bottom of the block: a hidden prelude /
//   epilogue (not shown, but part of the program that runs and that "Open in Nixpad" carries)
//
// All blocks share one evaluator: a hidden iframe (embed-frame.html, on Nixpad's origin)
// that runs a small evaluation worker made for blocks (src/bin/embed_worker.rs), loaded
// the first time a reader points at, focuses or runs a block. Each editor lives in a shadow root, so the page's styles and the
// editor's do not mix. If this script or the evaluator fails to load, the code stays
// readable: blocks are only replaced once their editor is built, and show the reason.
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script || !script.src || !Element.prototype.attachShadow) return;
  const HOST = new URL('./', script.src).href;
  const HOST_ORIGIN = new URL(HOST).origin;
  const SELECTOR = script.dataset.selector || 'pre.nix-playground';
  const HIDE = /^#hide(?: |$)/;
  const LOAD_TIMEOUT_MS = 20000;

  // ---- The shared evaluator (one hidden iframe per page) ----------------------------
  let frame = null;
  let frameReady = false;
  let failure = null;
  let loadTimer = null;
  let nextId = 1;
  const waiting = new Map(); // id -> { resolve, message }
  const unsent = [];

  function connect() {
    if (frame || failure) return;
    frame = document.createElement('iframe');
    frame.src = HOST + 'embed-frame.html';
    frame.title = 'Nixpad evaluator';
    frame.hidden = true;
    frame.tabIndex = -1;
    frame.setAttribute('aria-hidden', 'true');
    frame.style.display = 'none';
    loadTimer = setTimeout(() => fail(`no answer from ${HOST} in ${LOAD_TIMEOUT_MS / 1000} s`), LOAD_TIMEOUT_MS);
    frame.addEventListener('error', () => fail(`${HOST}embed-frame.html did not load`));
    (document.body || document.documentElement).appendChild(frame);
  }

  function fail(reason) {
    clearTimeout(loadTimer);
    failure = `Nixpad could not be loaded: ${reason}`;
    for (const [id, w] of waiting) {
      waiting.delete(id);
      w.resolve({ ok: false, text: failure, trace: [], unavailable: true });
    }
    unsent.length = 0;
  }

  window.addEventListener('message', (e) => {
    if (!frame || e.source !== frame.contentWindow || e.origin !== HOST_ORIGIN) return;
    const m = e.data || {};
    if (m.nixpad === 'ready') {
      clearTimeout(loadTimer);
      frameReady = true;
      while (unsent.length) post(unsent.shift());
    } else if (m.nixpad === 'failed') {
      fail(m.reason);
    } else if (m.nixpad === 'result' && waiting.has(m.id)) {
      const w = waiting.get(m.id);
      waiting.delete(m.id);
      w.resolve({ ok: !!m.ok, text: String(m.text), trace: m.trace || [] });
    }
  });

  function post(message) {
    frame.contentWindow.postMessage(message, HOST_ORIGIN);
  }

  /** Evaluates `code`; resolves to { ok, text, trace }. */
  function evaluate(code, timeoutMs) {
    connect();
    if (failure) return Promise.resolve({ ok: false, text: failure, trace: [], unavailable: true });
    return new Promise((resolve) => {
      const message = { nixpad: 'eval', id: nextId++, code, timeoutMs };
      waiting.set(message.id, { resolve, message });
      if (frameReady) post(message);
      else unsent.push(message);
    });
  }

  // ---- Share links (the format of src/share.rs: NXP1, LEB128 lengths, raw deflate, base64url)
  function leb(n) {
    const out = [];
    do {
      let byte = n & 0x7f;
      n = Math.floor(n / 128);
      if (n) byte |= 0x80;
      out.push(byte);
    } while (n);
    return out;
  }

  async function playgroundLink(text) {
    if (typeof CompressionStream !== 'function') return HOST;
    const enc = new TextEncoder();
    const name = enc.encode('default.nix');
    const body = enc.encode(text);
    const packed = new Uint8Array([...enc.encode('NXP1'), ...leb(1), ...leb(name.length), ...name,
      ...leb(body.length), ...body]);
    const stream = new Blob([packed]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const deflated = new Uint8Array(await new Response(stream).arrayBuffer());
    let binary = '';
    for (let i = 0; i < deflated.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, deflated.subarray(i, i + 0x8000));
    }
    const data = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    return `${HOST}#/?files=${data}`;
  }

  // ---- The editor --------------------------------------------------------------------
  const CSS = `
:host { display: block; margin: 1em 0; font: 14px/1.45 system-ui, sans-serif; color: #1d2433; }
.np { border: 1px solid #c9d1e0; border-radius: 6px; background: #f7f9fc; overflow: hidden; }
textarea { display: block; box-sizing: border-box; width: 100%; margin: 0; padding: 8px 10px;
  border: 0; border-bottom: 1px solid #dde3ee; resize: vertical; background: #fff; color: inherit;
  font: 13px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; tab-size: 2; white-space: pre; }
textarea:focus { outline: 2px solid #5277c3; outline-offset: -2px; }
textarea[readonly] { background: #f7f9fc; }
.bar { display: flex; align-items: center; gap: 10px; padding: 5px 8px; }
button { font: inherit; padding: 2px 14px; border: 1px solid #41609f; border-radius: 4px;
  background: #5277c3; color: #fff; cursor: pointer; }
button:disabled { opacity: .6; cursor: progress; }
button:focus-visible, a:focus-visible { outline: 2px solid #1d2433; outline-offset: 2px; }
.status { color: #5a6478; font-size: 12px; flex: 1; }
a { color: #2d4f96; font-size: 12px; }
pre { margin: 0; padding: 6px 10px; border-top: 1px solid #dde3ee; white-space: pre-wrap;
  overflow-wrap: anywhere; font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.out.ok { background: #eef7ee; }
.out.err { background: #fdf0f0; color: #8a1c1c; }
.trace { color: #5a6478; }
.expected { background: #fbfaf0; }
.verdict.match { color: #1e6b1e; }
.verdict.differ { color: #8a1c1c; }
[hidden] { display: none !important; }
`;
  let sheet = null;
  function style(shadow) {
    if ('adoptedStyleSheets' in Document.prototype && typeof CSSStyleSheet === 'function') {
      try {
        if (!sheet) {
          sheet = new CSSStyleSheet();
          sheet.replaceSync(CSS);
        }
        shadow.adoptedStyleSheets = [sheet];
        return;
      } catch (e) {
        // fall through
      }
    }
    const el = document.createElement('style');
    el.textContent = CSS;
    shadow.appendChild(el);
  }

  function el(tag, props, children) {
    const e = document.createElement(tag);
    Object.assign(e, props || {});
    for (const c of children || []) e.append(c);
    return e;
  }

  /** Splits a block's text into hidden prelude, visible code and hidden epilogue. */
  function split(text) {
    const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
    let start = 0;
    let end = lines.length;
    while (start < end && HIDE.test(lines[start])) start++;
    while (end > start && HIDE.test(lines[end - 1])) end--;
    const unmark = (l) => l.replace(HIDE, '');
    return {
      prelude: lines.slice(0, start).map(unmark),
      code: lines.slice(start, end).join('\n'),
      epilogue: lines.slice(end).map(unmark),
    };
  }

  function enhance(block) {
    if (block.dataset.nixpadEmbed) return;
    const parts = split(block.textContent);
    const program = (code) => [...parts.prelude, code, ...parts.epilogue].join('\n');
    const readonly = block.hasAttribute('data-readonly');
    const expected = block.getAttribute('data-expected');
    const timeoutMs = Number(block.dataset.timeout) || 10000;
    const maxLines = Number(block.dataset.maxLines) || 30;

    const host = el('div', { className: 'nixpad-embed' });
    const shadow = host.attachShadow({ mode: 'open' });
    style(shadow);
    const editor = el('textarea', {
      value: parts.code, readOnly: readonly, spellcheck: false, wrap: 'off',
    });
    editor.setAttribute('aria-label', readonly ? 'Nix code (read-only)' : 'Nix code');
    editor.setAttribute('autocapitalize', 'off');
    editor.setAttribute('autocomplete', 'off');
    const run = el('button', { type: 'button', textContent: 'Run' });
    run.title = 'Run (Ctrl+Enter)';
    const status = el('span', { className: 'status' });
    const open = el('a', { textContent: 'Open in Nixpad', href: HOST, target: '_blank', rel: 'noopener' });
    const out = el('pre', { className: 'out', hidden: true });
    out.setAttribute('role', 'status');
    out.setAttribute('aria-live', 'polite');
    const verdict = el('span', { className: 'verdict' });
    const expectedBox = el('pre', { className: 'expected', hidden: expected === null }, [
      'Expected: ', expected === null ? '' : expected, verdict]);
    shadow.append(el('div', { className: 'np' }, [
      editor, el('div', { className: 'bar' }, [run, status, open]), out, expectedBox]));

    const fit = () => {
      const lines = editor.value.split('\n').length;
      editor.rows = Math.max(1, Math.min(lines, maxLines));
    };
    let linkTimer = null;
    const relink = () => {
      clearTimeout(linkTimer);
      linkTimer = setTimeout(() => {
        playgroundLink(program(editor.value)).then((href) => { open.href = href; }, () => {});
      }, 150);
    };
    const setState = (s) => { host.dataset.state = s; };

    async function go() {
      if (run.disabled) return;
      run.disabled = true;
      setState('running');
      status.textContent = frameReady ? 'Running…' : 'Loading Nixpad…';
      const started = performance.now();
      const result = await evaluate(program(editor.value), timeoutMs);
      run.disabled = false;
      const ms = Math.round(performance.now() - started);
      out.hidden = false;
      out.className = `out ${result.ok ? 'ok' : 'err'}`;
      out.textContent = '';
      if (result.trace.length) out.append(el('span', { className: 'trace', textContent: result.trace.join('\n') + '\n' }));
      out.append(result.text.replace(/\n+$/, ''));
      status.textContent = result.unavailable ? '' : `${result.ok ? 'Done' : 'Error'} in ${ms} ms`;
      if (expected !== null && !result.unavailable) {
        const same = result.ok && result.text.trim() === expected.trim();
        verdict.className = `verdict ${same ? 'match' : 'differ'}`;
        verdict.textContent = same ? '   ✓ matches' : '   ✗ differs';
      }
      host.dataset.runs = String(Number(host.dataset.runs || 0) + 1);
      setState(result.unavailable ? 'unavailable' : result.ok ? 'done' : 'error');
    }

    run.addEventListener('click', go);
    editor.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        go();
      }
    });
    editor.addEventListener('input', () => { fit(); relink(); });
    // Start loading the evaluator when a reader shows interest, not on every page view.
    for (const ev of ['pointerenter', 'focusin']) host.addEventListener(ev, connect, { once: true });

    fit();
    relink();
    setState('idle');
    host.dataset.nixpadEmbed = '1';
    block.dataset.nixpadEmbed = '1';
    block.replaceWith(host);
  }

  function enhanceAll(root) {
    for (const block of (root || document).querySelectorAll(SELECTOR)) {
      try {
        enhance(block);
      } catch (e) {
        // Leave this block as it was: readable, not runnable.
        block.dataset.nixpadEmbed = 'failed';
      }
    }
  }

  window.NixpadEmbed = { enhance: enhanceAll };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => enhanceAll());
  else enhanceAll();
})();
