# Tracing helpers for debugging an evaluation (`lib.debug`): each prints with
# `builtins.trace` and returns a value, so it can be wrapped around any expression.
#
# Nix is lazy, so a trace prints when its result is needed, and prints a value only as far
# as it has been evaluated: `traceVal { a = f x; }` shows `{ a = «thunk»; }`. The `Seq`
# variants force the value first (deeply), which shows it whole but may evaluate more than
# the program would have, or fail where it would not.
{ lib }:
rec {
  # Prints `msg` when `pred` is true, then returns `x`.
  traceIf = pred: msg: x: if pred then builtins.trace msg x else x;

  # Prints `f x`, returns `x`.
  traceValFn = f: x: builtins.trace (f x) x;

  # Prints `x`, returns `x`.
  traceVal = traceValFn (x: x);

  # Forces `x` deeply, prints it, returns `y`.
  traceSeq = x: y: builtins.trace (builtins.deepSeq x x) y;

  # Forces `x` to `depth` levels only (sets and lists deeper down print as "…"), prints
  # it, returns `y`.
  traceSeqN = depth: x: y:
    let
      deeper = v: builtins.isAttrs v || builtins.isList v;
      cut = n: v:
        if deeper v && n <= 0 then "…"
        else if builtins.isAttrs v then builtins.mapAttrs (_: cut (n - 1)) v
        else if builtins.isList v then map (cut (n - 1)) v
        else v;
      shown = cut depth x;
    in
    builtins.trace (builtins.deepSeq shown shown) y;

  # Forces `f x` deeply, prints it, returns `x`.
  traceValSeqFn = f: x: traceValFn (v: builtins.deepSeq (f v) (f v)) x;

  # Forces `x` deeply, prints it, returns `x`.
  traceValSeq = traceValSeqFn (x: x);

  # Like traceValSeq, `depth` levels deep.
  traceValSeqN = depth: x: traceSeqN depth x x;

  # A function that traces each argument it gets, then its result (`traceFnSeqN 2 "f" f a`).
  traceFnSeqN = depth: name: f: x:
    let result = f x;
    in traceSeqN (depth + 1) { fn = name; from = x; to = result; } result;
}
