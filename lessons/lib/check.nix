# The shared check library: every check.nix receives this set as `check`.
# Documented in lessons/README.md ("The check library"). Keep it small and total: each
# helper returns a plain value (never throws on the learner's odd values) so that checks
# fail cleanly instead of breaking.
let
  inherit (builtins) attrNames concatStringsSep elem filter foldl' hasContext isAttrs isFunction isString typeOf;
in
rec {
  # Whether v is a function (functions cannot be compared with ==; call them instead).
  isFn = v: isFunction v;

  # Applies f to each argument of the list in turn; null as soon as something that should
  # take an argument is not a function (a missing attribute, a value of the wrong arity).
  call = f: args: foldl' (acc: arg: if isFunction acc then acc arg else null) f args;

  # The attribute `name` of m, or null when m is not a set or has no such attribute.
  attr = m: name: if isAttrs m then m.${name} or null else null;

  # Syntax queries on a learner file's view (`syntax."main.nix"`).
  uses = syn: construct: (syn.uses.${construct} or 0) > 0;
  usesBuiltin = syn: name: (syn.builtins.${name} or 0) > 0;
  refers = syn: name: (syn.variables.${name} or 0) > 0;
  interpolates = syn: name: (syn.interpolated.${name} or 0) > 0;
  hasString = syn: s: elem s syn.strings;

  # A check about how the code is written: it has no expected value to show.
  syntaxCheck = { name, ok, hint ? null, message ? null }:
    { inherit name ok; reveal = false; }
    // (if hint == null then { } else { inherit hint; })
    // (if message == null then { } else { inherit message; });

  # Whether v is a derivation (a set with type = "derivation").
  isDerivation = v: isAttrs v && (v.type or null) == "derivation";

  # Whether v was made by `derivation`: its drvPath carries a string context, which a
  # store path typed (or pasted) as a plain string never has.
  isRealDerivation = v: isDerivation v && isString (v.drvPath or null) && hasContext v.drvPath && v ? drvAttrs;

  # A message saying how the learner's derivation differs from the expected one, naming
  # attributes only (never an expected store path); "" when both are the same derivation.
  drvDiff = expected: actual:
    if !(isDerivation actual) then
      "your value is not a derivation (a set with type = \"derivation\"): it is a ${typeOf actual}"
    else if !(isRealDerivation actual) then
      "your value only looks like a derivation: its paths are plain strings, not made by `derivation`"
    else if actual.drvPath == expected.drvPath then
      ""
    else
      let
        want = expected.drvAttrs;
        got = actual.drvAttrs or { };
        names = attrNames (want // got);
        differs = filter (n: !(want ? ${n}) || !(got ? ${n}) || want.${n} != got.${n}) names;
        describe = n:
          if !(got ? ${n}) then "`${n}` is missing"
          else if !(want ? ${n}) then "`${n}` is not expected"
          else "`${n}` differs";
      in
      if differs == [ ] then
        "your derivation's attributes look right, but something it depends on (a derivation or a file it uses) differs"
      else
        "compared with the expected derivation: ${concatStringsSep ", " (map describe differs)}";
}
