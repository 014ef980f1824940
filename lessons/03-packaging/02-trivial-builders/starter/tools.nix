# Three small derivations made with nixpkgs' trivial builders, from the package set `pkgs`:
# - config: a file named app.conf holding "port = 8080\n";
# - checker: a program check-config that runs `grep -q port FILE` on that file, with grep
#   from the package set on its PATH (whatever PATH the caller has);
# - toolbox: one folder joining checker and jq (bin/check-config and bin/jq side by side).
{ pkgs }:
rec {
  config = null;
  checker = null;
  toolbox = null;
}
