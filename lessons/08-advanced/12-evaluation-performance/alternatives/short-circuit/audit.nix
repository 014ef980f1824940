# The starter's shapes, kept but reordered: `&&` looks at the name first and never reaches
# the value of a package nobody asked for; names become attribute names, which are unique
# and sorted; the summary is forced where it is made.
let
  lib = import <nixpkgs/lib>;
in
{
  versions = pkgs: names:
    lib.mapAttrs (name: p: p.version)
      (lib.filterAttrs (name: p: builtins.elem name names && lib.isDerivation p) pkgs);

  inputNames = pkg:
    builtins.attrNames (builtins.listToAttrs
      (map (dep: { name = dep.name; value = null; }) (pkg.buildInputs ++ pkg.nativeBuildInputs)));

  summary = pkg:
    let
      licences = map (l: l.spdxId or l.shortName) (lib.toList (pkg.meta.license or [ ]));
    in
    builtins.deepSeq licences { inherit (pkg) name; inherit licences; };
}
