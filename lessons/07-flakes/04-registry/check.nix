{ flake, check, ... }:
let
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  nodes = flake.lock.nodes or { };
  motd = flake.outputs.packages.x86_64-linux.motd or null;
in
[
  { name = "the flake loads"; hint = 1; expected = null; actual = flake.error; }
  { name = "nixpkgs is written as the registry name"; hint = 1;
    expected = { type = "indirect"; id = "nixpkgs"; }; actual = nodes.nixpkgs.original or null; }
  { name = "and locked to what the registry says"; hint = 1;
    expected = { type = "github"; owner = "NixOS"; repo = "nixpkgs"; };
    actual = let l = nodes.nixpkgs.locked or { }; in { type = l.type or null; owner = l.owner or null; repo = l.repo or null; }; }
  { name = "data is a path input that is not a flake"; hint = 2;
    expected = { original = { type = "path"; path = "./data"; }; flake = false; };
    actual = { original = nodes.data.original or null; flake = nodes.data.flake or true; }; }
  { name = "motd holds the file's text"; hint = 3;
    expected = [ "motd" "Welcome to the machine.\n" ]; actual = safe [ (motd.name or null) (motd.drvAttrs.text or null) ]; }
  { name = "nix flake check passes"; hint = 1; ok = flake.check.ok; message = toString flake.check.error; }
]
