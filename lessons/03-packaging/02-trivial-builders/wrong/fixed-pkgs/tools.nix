# Three small derivations made with nixpkgs' trivial builders, from the package set `pkgs`:
# - config: a file named app.conf holding "port = 8080\n";
# - checker: a program check-config that runs `grep -q port FILE` on that file, with grep
#   from the package set on its PATH (whatever PATH the caller has);
# - toolbox: one folder joining checker and jq (bin/check-config and bin/jq side by side).
{ pkgs }:
let nixpkgs = import <nixpkgs> { }; in
rec {
  config = pkgs.writeText "app.conf" ''
    port = 8080
  '';
  checker = pkgs.writeShellApplication {
    name = "check-config";
    runtimeInputs = [ pkgs.gnugrep ];
    text = ''
      grep -q port ${config}
    '';
  };
  toolbox = pkgs.symlinkJoin {
    name = "toolbox";
    paths = [ checker nixpkgs.jq ];
  };
}
