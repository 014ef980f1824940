# Small functions on functions and values.
{ lib }:
rec {
  # The identity function.
  id = x: x;
  # A function ignoring its second argument.
  const = x: y: x;
  # `flip f a b` is `f b a`.
  flip = f: a: b: f b a;
  # `pipe x [ f g ]` is `g (f x)`.
  pipe = builtins.foldl' (x: f: f x);
  # Operators as functions.
  concat = x: y: x ++ y;
  or = x: y: x || y;
  and = x: y: x && y;
  xor = x: y: (!x) != (!y);
  mergeAttrs = x: y: x // y;
  # "true" or "false".
  boolToString = b: if b then "true" else "false";
  # `f x`, or null when x is null.
  mapNullable = f: a: if a == null then a else f a;

  # The version of nixpkgs-lite (it follows the nixpkgs release it imitates).
  release = "25.05";
  version = "${release}.lite";

  # Whether a value can be called: a lambda, a builtin, or a set with `__functor`.
  isFunction = f: builtins.isFunction f || (f ? __functor && isFunction (f.__functor f));

  # The formal arguments of a function (name → has a default), also for functors that
  # carry `__functionArgs` (see `setFunctionArgs`).
  functionArgs = f:
    if f ? __functor then
      f.__functionArgs or (functionArgs (f.__functor f))
    else
      builtins.functionArgs f;

  # `f` as a functor whose `functionArgs` are `args`.
  setFunctionArgs = f: args: {
    __functor = self: f;
    __functionArgs = args;
  };

  # `mirrorFunctionArgs f g`: g, reporting f's formal arguments.
  mirrorFunctionArgs = f:
    let fArgs = functionArgs f;
    in g: setFunctionArgs g fArgs;

  # A function as is; anything else as a constant function.
  toFunction = v: if isFunction v then v else k: v;

  # Prints a warning (on stderr, through builtins.warn or trace) and returns the value.
  warn =
    if builtins ? warn then builtins.warn
    else msg: builtins.trace "evaluation warning: ${msg}";
  warnIf = cond: msg: if cond then warn msg else x: x;
  # Throws `msg` when `cond` holds (`throwIfNot` when it does not), else returns the value.
  throwIf = cond: msg: if cond then throw msg else x: x;
  throwIfNot = cond: msg: if cond then x: x else throw msg;
  info = msg: builtins.trace "INFO: ${msg}";

  # A hash no download has: put it where a hash is wanted, build, and copy the real one
  # from the "hash mismatch" error (the fake-hash workflow).
  fakeHash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  fakeSha256 = "0000000000000000000000000000000000000000000000000000";

  # `true`, or an error with `msg` (for `assert lib.assertMsg cond "why";`).
  assertMsg = pred: msg: pred || builtins.throw msg;
  # Checks that `val` is one of `xs`, naming the option in the error.
  assertOneOf = name: val: xs:
    assertMsg (builtins.elem val xs)
      "${name} must be one of ${builtins.toJSON xs}, but is: ${builtins.toJSON val}";
}
