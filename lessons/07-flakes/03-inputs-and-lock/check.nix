{ flake, files, check, ... }:
let
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  nodes = flake.lock.nodes or { };
  utils = nodes.flake-utils or { };
  # The outputs called with other inputs: `pinned` must come from them.
  fake = rev: { shortRev = rev; legacyPackages.x86_64-linux.hello = { }; };
  pinnedWith = safe ((check.call (files."flake.nix".outputs or null) [
    { self = { }; nixpkgs = fake "aaaaaaa"; flake-utils = fake "bbbbbbb"; }
  ]).pinned or null);
in
[
  { name = "the flake loads"; hint = 1; expected = null; actual = flake.error; }
  { name = "nixpkgs keeps its locked revision"; hint = 2;
    expected = "b134951a4c9f3c995fd7be05f3243f8ecd65d798"; actual = nodes.nixpkgs.locked.rev or null; }
  { name = "flake-utils is written in attribute form and locked from GitHub"; hint = 1;
    expected = { original = { type = "github"; owner = "numtide"; repo = "flake-utils"; }; lockedType = "github"; hasRev = true; };
    actual = { original = utils.original or null; lockedType = utils.locked.type or null; hasRev = builtins.isString (utils.locked.rev or null); }; }
  { name = "the root has both inputs"; hint = 1;
    expected = [ "flake-utils" "nixpkgs" ]; actual = builtins.attrNames (nodes.root.inputs or { }); }
  { name = "pinned gives each input's short revision"; hint = 3;
    expected = { nixpkgs = "b134951"; flake-utils = builtins.substring 0 7 (utils.locked.rev or ""); };
    actual = safe (flake.outputs.pinned or null); }
  { name = "pinned reads the revisions from the inputs"; hint = 3;
    expected = { nixpkgs = "aaaaaaa"; flake-utils = "bbbbbbb"; }; actual = pinnedWith; }
]
