let
  lib = import ./lib.nix { };
  pkgs = import ./inventory.nix;
  index = lib.byName pkgs;
  depCount = builtins.length (builtins.concatMap (p: p.deps) pkgs);
in
{
  # every package by its name
  inherit index;

  # the major version of every package, by name: { curl = "8"; … }
  majors = builtins.mapAttrs (name:p: lib.major p.version) index;

  # "4 packages, 3 dependencies"
  summary = "${builtins.length pkgs} packages, ${toString depCount} dependencies";

  # one line per package, in inventory order
  report = lib.lines (map lib.describe pkgs);
}
