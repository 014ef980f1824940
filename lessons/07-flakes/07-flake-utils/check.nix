{ flake, syntax, check, ... }:
let
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  out = flake.outputs;
  systems = [ "aarch64-darwin" "aarch64-linux" "x86_64-darwin" "x86_64-linux" ];
  shell = out.devShells.x86_64-linux.default or { };
in
[
  { name = "the flake loads"; hint = 1; expected = null; actual = flake.error; }
  { name = "flake-utils is an input"; hint = 1; expected = { type = "github"; owner = "numtide"; repo = "flake-utils"; }; actual = flake.lock.nodes.flake-utils.original or null; }
  { name = "packages and devShells for the default systems"; hint = 2;
    expected = { packages = systems; devShells = systems; };
    actual = safe { packages = builtins.attrNames (out.packages or { }); devShells = builtins.attrNames (out.devShells or { }); }; }
  { name = "the shell has hello"; hint = 3;
    expected = true; actual = safe (builtins.any (p: (p.name or "") == "hello-2.12.1") (shell.nativeBuildInputs or [ ] ++ shell.buildInputs or [ ])); }
  { name = "overlays.default is still an overlay"; hint = 2; expected = "lambda"; actual = builtins.typeOf (out.overlays.default or null); }
  { name = "nix flake check passes"; hint = 2; ok = flake.check.ok; message = toString flake.check.error; }
  (check.syntaxCheck { name = "eachDefaultSystem writes the systems"; hint = 1;
    ok = !(check.hasString syntax."flake.nix" "aarch64-darwin"); })
]
