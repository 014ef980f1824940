# Three small questions about packages. Each answer is right, but each evaluates far more
# than it needs: on all of nixpkgs, they would take minutes. Make each one evaluate only
# what its answer needs.
let
  lib = import <nixpkgs/lib>;
in
{
  # The version of each package named in `names` (attribute names), skipping names the
  # set does not have:
  #   versions pkgs [ "jq" "hello" "nope" ]   gives   { hello = "2.12.1"; jq = "1.7.1"; }
  # Only the names asked for are looked up: no other package is evaluated.
  versions = pkgs: names:
    lib.genAttrs (builtins.filter (name: pkgs ? ${name}) names) (name: pkgs.${name}.version);

  # The names of the packages pkg is built with (buildInputs and nativeBuildInputs),
  # sorted, each once:
  #   inputNames pkgs.jq   gives   [ "oniguruma-6.9.10" ]
  # Duplicates are removed among the names: comparing derivations compares their store
  # paths, which hashes everything each one is built from.
  inputNames = pkg:
    builtins.sort builtins.lessThan
      (lib.unique (map (dep: dep.name) (pkg.buildInputs ++ pkg.nativeBuildInputs)));

  # pkg's name and licence ids, evaluated at once, so that a broken licence fails as soon
  # as the summary is used (not later, when someone prints it):
  #   summary pkgs.perl   gives   { licences = [ "Artistic-1.0" "GPL-1.0-or-later" ]; name = "perl-5.40.0"; }
  # The summary is forced, not the package (which reaches its whole dependency graph).
  summary = pkg: {
    inherit (pkg) name;
    licences = map (l: l.spdxId or l.shortName) (lib.toList (pkg.meta.license or [ ]));
  };
}
