// The evaluator behind embedded Nixpad blocks (static/embed.js). embed.js puts this page
// (embed-frame.html) in a hidden iframe, so the evaluation worker runs on Nixpad's own
// origin whatever the origin of the documentation page: no CORS is needed, and all the
// blocks of a page share this one worker. The worker is the small one made for blocks
// (src/bin/embed_worker.rs: `{ id, code }` in, `{ id, ok, text, trace }` out), not the
// playground's.
//
// Messages from the parent page: { nixpad: 'eval', id, code, timeoutMs }.
// Messages to it: { nixpad: 'ready' }, { nixpad: 'result', id, ok, text, trace },
// { nixpad: 'failed', reason } (the evaluator cannot start; blocks show the reason).
// Requests run one at a time, in order. A request running longer than its time limit,
// or a crash, replaces the worker; the other requests then continue on the new one.
'use strict';

const WORKER_URL = 'embed_worker_loader.js';
const DEFAULT_TIMEOUT_MS = 10000;
const START_TIMEOUT_MS = 60000;

let worker = null;
let ready = false;
let nextId = 1;
/** Requests waiting: { source, origin, id, code, timeoutMs }. */
const queue = [];
/** The request running: the same, plus the worker's id for it and its timer. */
let current = null;
let startTimer = null;

function tell(source, origin, message) {
  try {
    source.postMessage(message, origin === 'null' ? '*' : origin);
  } catch (e) {
    // The page went away.
  }
}

function finish(ok, text, trace) {
  if (!current) return;
  clearTimeout(current.timer);
  tell(current.source, current.origin, { nixpad: 'result', id: current.id, ok, text, trace: trace || [] });
  current = null;
  pump();
}

function spawn() {
  ready = false;
  try {
    worker = new Worker(WORKER_URL);
  } catch (e) {
    failAll(`the evaluator could not be started (${e.message || e})`);
    return;
  }
  clearTimeout(startTimer);
  startTimer = setTimeout(() => failAll('the evaluator did not start in time'), START_TIMEOUT_MS);
  worker.onmessage = (e) => onReply(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    const detail = (current && current.panic) || String(e.message || 'worker error');
    if (!ready) {
      failAll(`the evaluator failed to start (${detail})`);
      return;
    }
    replace();
    const why = /call stack|stack overflow/i.test(detail)
      ? `error: the program recurses too deeply (${detail})`
      : `error: the evaluator crashed (${detail})`;
    finish(false, why);
  };
}

/** Terminates the worker and starts a new one (after a timeout or crash). */
function replace() {
  if (worker) worker.terminate();
  worker = null;
  spawn();
}

/** The worker cannot start: every waiting block is told why, and so are new ones. */
let failure = null;
function failAll(reason) {
  clearTimeout(startTimer);
  failure = reason;
  if (worker) worker.terminate();
  worker = null;
  for (const p of parents) tell(p.source, p.origin, { nixpad: 'failed', reason });
  if (current) finish(false, `error: ${reason}`);
  while (queue.length) {
    const r = queue.shift();
    tell(r.source, r.origin, { nixpad: 'result', id: r.id, ok: false, text: `error: ${reason}`, trace: [] });
  }
}

function pump() {
  if (!ready || current || !queue.length) return;
  current = queue.shift();
  const ms = current.timeoutMs;
  current.timer = setTimeout(() => {
    replace();
    finish(false, `error: evaluation stopped: it ran longer than the time limit (${ms / 1000} s)`);
  }, ms);
  current.workerId = nextId++;
  worker.postMessage({ id: current.workerId, code: current.code });
}

/** A message of the worker (see src/bin/embed_worker.rs). */
function onReply(reply) {
  if (reply === 'ready') {
    ready = true;
    clearTimeout(startTimer);
    pump();
  } else if (reply && reply.failed !== undefined) {
    failAll(`the evaluator failed to load (${reply.failed})`);
  } else if (reply && reply.panic !== undefined) {
    if (current) current.panic = String(reply.panic);
  } else if (reply && current && reply.id === current.workerId) {
    finish(!!reply.ok, String(reply.text), reply.trace || []);
  }
}

/** Pages that talked to this frame (told when the evaluator cannot start). */
const parents = [];

window.addEventListener('message', (e) => {
  const m = e.data;
  if (!m || m.nixpad !== 'eval' || typeof m.code !== 'string') return;
  if (!parents.some((p) => p.source === e.source)) parents.push({ source: e.source, origin: e.origin });
  if (failure) {
    tell(e.source, e.origin, { nixpad: 'result', id: m.id, ok: false, text: `error: ${failure}`, trace: [] });
    return;
  }
  const timeoutMs = Number(m.timeoutMs) > 0 ? Math.min(Number(m.timeoutMs), 120000) : DEFAULT_TIMEOUT_MS;
  queue.push({ source: e.source, origin: e.origin, id: m.id, code: m.code, timeoutMs });
  pump();
});

spawn();
if (window.parent !== window) window.parent.postMessage({ nixpad: 'ready' }, '*');
