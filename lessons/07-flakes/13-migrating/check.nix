{ flake, files, syntax, check, importWith, ... }:
let
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  out = flake.outputs;
  base = import <nixpkgs> { };
  classic = files."default.nix";
  # nix-build's way: default.nix called without arguments.
  built = if builtins.isFunction classic then classic { } else classic;
  # A package set whose hello differs: the flake must hand its own to default.nix.
  other = base.extend (final: prev: { hello = prev.hello.overrideAttrs { pname = "other-hello"; }; });
  fakeNixpkgs = { legacyPackages.x86_64-linux = other; lib = base.lib; outPath = "/nowhere"; };
  flakeWith = check.call (files."flake.nix".outputs or null) [ { self = { }; nixpkgs = fakeNixpkgs; } ];
  mentions = drv: word: let t = safe (drv.drvAttrs.text or ""); in builtins.isString t && builtins.match ".*${word}.*" t != null;
in
[
  { name = "nix flake check passes"; hint = 1; ok = flake.check.ok; message = toString flake.check.error; }
  { name = "default.nix is a function of pkgs"; hint = 1;
    expected = { pkgs = true; }; actual = if builtins.isFunction classic then builtins.functionArgs classic else null; }
  { name = "nix-build still works: default.nix alone builds welcome"; hint = 1;
    expected = "welcome"; actual = safe (built.name or null); }
  { name = "the flake's package is default.nix's, built with the flake's nixpkgs"; hint = 2;
    expected = true; actual = safe ((out.packages.x86_64-linux.default.drvPath or null) == (if builtins.isFunction classic then (classic { pkgs = base; }).drvPath else null)); }
  { name = "the flake passes its nixpkgs to default.nix"; hint = 2;
    expected = true; actual = mentions (flakeWith.packages.x86_64-linux.default or { }) "other-hello"; }
  { name = "the flake builds through default.nix"; hint = 2;
    expected = "from-default.nix";
    actual = let
      flakeFile = importWith { "default.nix" = ''{ pkgs ? null }: { type = "derivation"; name = "from-default.nix"; }''; } "flake.nix";
    in safe ((check.call (flakeFile.outputs or null) [ { self = { }; nixpkgs = fakeNixpkgs; } ]).packages.x86_64-linux.default.name or null); }
  (check.syntaxCheck { name = "no <nixpkgs> in flake.nix"; hint = 3; ok = !(check.uses syntax."flake.nix" "searchPath"); })
]
