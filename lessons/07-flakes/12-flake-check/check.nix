{ flake, files, check, ... }:
let
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  out = flake.outputs;
  greets = out.checks.x86_64-linux.greets or null;
  script = safe (greets.drvAttrs.buildCommand or "");
  default = out.packages.x86_64-linux.default or null;
  has = word: builtins.isString script && builtins.match ".*${word}.*" script != null;
  uses = drv: check.isRealDerivation greets && check.isDerivation drv
    && builtins.elem drv.drvPath (builtins.attrNames (builtins.getContext script));
in
[
  { name = "the flake loads"; hint = 1; expected = null; actual = flake.error; }
  { name = "nix flake check passes"; hint = 1; ok = flake.check.ok; message = toString flake.check.error; }
  { name = "docs is a file with the text"; hint = 2;
    expected = [ "README" "Run greet to be greeted." ]; actual = safe [ (out.packages.x86_64-linux.docs.name or null) (out.packages.x86_64-linux.docs.drvAttrs.text or null) ]; }
  { name = "the check is a derivation that runs the default package"; hint = 3; ok = safe (uses default) == true; }
  { name = "it greps for Hello and creates $out"; hint = 3; expected = [ true true ]; actual = [ (has "bin/greet[^\n]*grep[^\n]*Hello") (has "\\$out") ]; }
]
