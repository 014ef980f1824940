{ flake, files, syntax, check, ... }:
let
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  systems = [ "aarch64-darwin" "aarch64-linux" "x86_64-darwin" "x86_64-linux" ];
  lib = flake.outputs.inputs.nixpkgs.lib or (import <nixpkgs/lib>);
  # A stand-in nixpkgs whose hello says which system's set it came from.
  fake = {
    inherit lib;
    legacyPackages = lib.genAttrs (systems ++ [ "riscv64-linux" ]) (system: { hello = { name = "hello-${system}"; }; });
  };
  fakeOutputs = check.call (files."flake.nix".outputs or null) [ { self = { }; nixpkgs = fake; } ];
  namesOf = packages: safe (builtins.mapAttrs (system: p: p.default.name or null) packages);
  s = syntax."flake.nix";
  mentions = name: builtins.length (builtins.filter (x: x == name) s.strings);
in
[
  { name = "the flake loads"; hint = 1; expected = null; actual = flake.error; }
  { name = "packages for the four systems"; hint = 2; expected = systems; actual = safe (builtins.attrNames (flake.outputs.packages or { })); }
  { name = "each system's hello comes from that system's package set"; hint = 2;
    expected = lib.genAttrs systems (system: "hello-${system}");
    actual = namesOf (fakeOutputs.packages or { }); }
  { name = "nix flake check passes"; hint = 1; ok = flake.check.ok; message = toString flake.check.error; }
  (check.syntaxCheck { name = "each system is named once, and the package defined once for all"; hint = 2;
    ok = builtins.all (system: mentions system <= 1) systems && (s.bindings.default or 0) <= 1; })
]
