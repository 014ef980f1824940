{ flake, syntax, check, ... }:
let
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  s = syntax."flake.nix";
  script = flake.outputs.packages.x86_64-linux.default or null;
in
[
  { name = "nix flake check passes (pure evaluation)"; hint = 1; ok = flake.check.ok; message = toString flake.check.error; }
  { name = "nixpkgs is an input from nixos-24.11"; hint = 1;
    expected = "nixos-24.11"; actual = flake.lock.nodes.nixpkgs.original.ref or null; }
  { name = "nix flake show finds the package for x86_64-linux"; hint = 3;
    expected = "greet"; actual = flake.show.packages.x86_64-linux.default.name or null; }
  { name = "the script says the greeting"; hint = 3;
    expected = true; actual = let t = safe (script.drvAttrs.text or ""); in builtins.isString t && builtins.match ".*Hello, pure world!.*" t != null; }
  (check.syntaxCheck { name = "no <…> lookup, no currentSystem, no getEnv"; hint = 2;
    ok = !(check.uses s "searchPath") && !(check.usesBuiltin s "currentSystem") && !(check.usesBuiltin s "getEnv"); })
]
