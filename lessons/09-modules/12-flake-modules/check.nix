{ files, syntax, importWith, check, ... }:
let
  lib = import <nixpkgs/lib>;
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  flake = files."flake.nix";
  # The nixpkgs input as a flake gives it: its lib with nixosSystem.
  nixpkgs = {
    lib = lib // { nixosSystem = args: import <nixpkgs/nixos/lib/eval-config.nix> args; };
    outPath = "/nix/store/00000000000000000000000000000000-source";
  };
  # The flake's outputs, with `self` being those outputs (as Nix passes them).
  outputsWith = replace: let self = lib.recursiveUpdate (flake.outputs { inherit self nixpkgs; }) replace; in self;
  outputs = outputsWith { };
  exported = outputs.nixosModules.default or null;
  demo = outputs.nixosConfigurations.demo or { };
  # Another flake's machine that uses the exported module.
  consumer = import <nixpkgs/nixos> {
    configuration = { imports = [ exported ]; networking.hostName = "elsewhere"; services.greeter = { enable = true; greeting = "Hi"; }; };
  };
  scriptOf = system: safe (system.config.systemd.services.greeter.script or null);
  # The same flake with its exported module swapped by a hidden one.
  greeter = importWith { "probe.nix" = "./greeter.nix"; } "probe.nix";
  marked = outputsWith { nixosModules.default = { imports = [ greeter ]; environment.etc.marker.text = "from self"; }; };
in
[
  { name = "outputs is a function of self and nixpkgs"; hint = 1;
    ok = builtins.isFunction (flake.outputs or null) && builtins.functionArgs flake.outputs ? nixpkgs; }
  { name = "nixosModules.default works in another machine"; hint = 1;
    expected = true;
    actual = let s = scriptOf consumer; in builtins.isString s && lib.hasInfix "Hi from elsewhere!" s; }
  { name = "demo's host name is demo, and it runs the greeter"; hint = 2;
    expected = { hostName = "demo"; greeter = true; };
    actual = safe { hostName = demo.config.networking.hostName or null; greeter = demo.config.services.greeter.enable or null; }; }
  { name = "demo is a NixOS system with a toplevel derivation"; hint = 2;
    ok = let r = builtins.tryEval (check.isRealDerivation (demo.config.system.build.toplevel or null)); in r.success && r.value; }
  { name = "demo is built from the flake's own nixosModules.default (self)"; hint = 3;
    expected = "from self"; actual = safe (marked.nixosConfigurations.demo.config.environment.etc.marker.text or null); }
  (check.syntaxCheck {
    name = "no <nixpkgs> lookup: a flake is evaluated purely"; hint = 2;
    ok = !(check.uses syntax."flake.nix" "searchPath");
  })
]
