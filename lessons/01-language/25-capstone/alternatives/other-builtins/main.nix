let
  lib = import ./lib.nix;
  pkgs = import ./inventory.nix;
  index = lib.byName pkgs;
  count = list: toString (builtins.length list);
in
{
  inherit index;
  majors = builtins.mapAttrs (_: p: lib.major p.version) index;
  summary = "${count pkgs} packages, ${count (builtins.concatMap (p: p.deps) pkgs)} dependencies";
  report = lib.lines (map lib.describe pkgs);
}
