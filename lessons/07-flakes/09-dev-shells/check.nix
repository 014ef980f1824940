{ flake, files, check, ... }:
let
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  out = flake.outputs;
  pkgs = out.inputs.nixpkgs.legacyPackages.x86_64-linux or { };
  shell = out.devShells.x86_64-linux.default or { };
  paths = list: map (d: d.drvPath or "") (if builtins.isList list then list else [ ]);
  has = list: dep: builtins.elem dep.drvPath (paths list);
  # The same flake with another package as `self`'s: the shell must follow it.
  project = pkgs.stdenv.mkDerivation { pname = "project"; version = "2"; dontUnpack = true; buildInputs = [ pkgs.sqlite ]; };
  other = check.call (files."flake.nix".outputs or null) [ { self = { packages.x86_64-linux.default = project; }; nixpkgs = out.inputs.nixpkgs; } ];
  otherShell = other.devShells.x86_64-linux.default or { };
in
[
  { name = "the flake loads"; hint = 1; expected = null; actual = flake.error; }
  { name = "nix flake show lists the dev shell"; hint = 1; expected = "derivation"; actual = flake.show.devShells.x86_64-linux.default.type or null; }
  { name = "the package's build inputs are in the shell"; hint = 1;
    expected = [ true true ]; actual = safe [ (has (shell.nativeBuildInputs or [ ]) pkgs.pkg-config) (has (shell.buildInputs or [ ]) pkgs.openssl) ]; }
  { name = "jq is a tool of the shell"; hint = 2; expected = true; actual = safe (has (shell.nativeBuildInputs or [ ]) pkgs.jq); }
  { name = "APP_ENV is development"; hint = 2; expected = "development"; actual = shell.drvAttrs.APP_ENV or null; }
  { name = "the shell takes its inputs from the flake's package (self)"; hint = 1;
    expected = true; actual = safe (has (otherShell.buildInputs or [ ]) pkgs.sqlite); }
  { name = "the formatter is nixfmt-tree"; hint = 3;
    expected = true; actual = safe ((out.formatter.x86_64-linux.drvPath or null) == pkgs.nixfmt-tree.drvPath); }
  { name = "nix flake check passes"; hint = 1; ok = flake.check.ok; message = toString flake.check.error; }
]
