# The Python package set is a scope: packageOverrides (through python3.override) and
# overrideScope change a package for everything in the set that depends on it.
let
  pkgs = import <nixpkgs> { };
  py = pkgs.python3Packages;
  names = drvs: map (d: d.pname) drvs;
  patchedIdna = pyfinal: pyprev: { idna = pyprev.idna.overrideAttrs (old: { pname = "idna-patched"; }); };
  viaOverride = (pkgs.python3.override { packageOverrides = patchedIdna; }).pkgs;
  viaScope = py.overrideScope patchedIdna;
  viaOverlay = (pkgs.extend (final: prev: { python3 = prev.python3.override { packageOverrides = patchedIdna; }; })).python3Packages;
  env = pkgs.python3.withPackages (ps: [ ps.requests ]);
in
{
  requestsName = py.requests.name;
  dependencies = names py.requests.propagatedBuildInputs;
  overridden = [ (names viaOverride.requests.propagatedBuildInputs) (names viaScope.requests.propagatedBuildInputs) (names viaOverlay.requests.propagatedBuildInputs) ];
  sameInterpreter = (pkgs.python3.override { packageOverrides = patchedIdna; }).drvPath == pkgs.python3.drvPath;
  untouched = names py.requests.propagatedBuildInputs == names pkgs.python3Packages.requests.propagatedBuildInputs;
  environment = [ env.name (map (p: p.pname) (builtins.filter (p: p ? pythonModule) env.paths)) ];
  pythonPathHasIdna = pkgs.lib.hasInfix "python3.12-idna-3.10/lib/python3.12/site-packages" py.requests.PYTHONPATH;
}
