{ flake, files, check, ... }:
let
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  original = flake.lock.nodes.nixpkgs.original or null;
  shown = name: flake.show.packages.x86_64-linux.${name}.name or null;
  # The outputs function called with a different `self`: `default` must follow it.
  outputs = files."flake.nix".outputs or null;
  nixpkgs = flake.outputs.inputs.nixpkgs or { };
  marker = { type = "derivation"; name = "marker"; };
  withSelf = self: check.call outputs [ { inherit self nixpkgs; } ];
in
[
  { name = "the flake loads"; hint = 1; expected = null; actual = flake.error; }
  { name = "its description"; hint = 1; expected = "A first flake"; actual = flake.description; }
  { name = "nixpkgs is locked from the nixos-24.11 branch"; hint = 1;
    expected = { type = "github"; owner = "NixOS"; repo = "nixpkgs"; ref = "nixos-24.11"; }; actual = original; }
  { name = "nix flake show lists hello and default"; hint = 2;
    expected = [ "hello-2.12.1" "hello-2.12.1" ]; actual = [ (shown "hello") (shown "default") ]; }
  { name = "default is the flake's own hello (self)"; hint = 3;
    expected = "marker";
    actual = safe ((withSelf { packages.x86_64-linux.hello = marker; }).packages.x86_64-linux.default.name or null); }
  { name = "nix flake check passes"; hint = 2; ok = flake.check.ok; message = toString flake.check.error; }
]
