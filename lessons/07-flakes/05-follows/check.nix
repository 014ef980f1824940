{ flake, check, ... }:
let
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  nodes = flake.lock.nodes or { };
  nixpkgsNodes = builtins.filter (n: (nodes.${n}.locked.repo or null) == "nixpkgs") (builtins.attrNames nodes);
in
[
  { name = "the flake loads"; hint = 1; expected = null; actual = flake.error; }
  { name = "tools is the path input ./tools"; hint = 1;
    expected = { type = "path"; path = "./tools"; }; actual = nodes.tools.original or null; }
  { name = "the lock file holds one nixpkgs"; hint = 2;
    expected = 1; actual = builtins.length nixpkgsNodes; }
  { name = "tools' nixpkgs follows the root's"; hint = 2;
    expected = [ "nixpkgs" ]; actual = nodes.tools.inputs.nixpkgs or null; }
  { name = "that nixpkgs is nixos-24.11"; hint = 2;
    expected = "nixos-24.11"; actual = nodes.${builtins.head (nixpkgsNodes ++ [ "none" ])}.original.ref or null; }
  { name = "lint is exported"; hint = 3;
    expected = "lint"; actual = flake.show.packages.x86_64-linux.lint.name or null; }
]
