{ files, check, ... }:
let
  overlay = files."overlay.nix";
  isOverlay = check.isFn overlay && check.isFn (overlay { }) && builtins.isAttrs (overlay { } { });
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  pkgs = if isOverlay then import <nixpkgs> { overlays = [ overlay ]; } else { };
  base = import <nixpkgs> { };
  py = pkgs.python3Packages or { };
  uses = pkg: dep: builtins.elem dep.drvPath (map (d: d.drvPath or "") ((pkg.propagatedBuildInputs or [ ]) ++ (pkg.buildInputs or [ ])));
  reference = base.python3Packages.urllib3.overrideAttrs { doCheck = false; };
  diff = safe (check.drvDiff reference (py.urllib3 or null));
  # A hidden overlay after the learner's that changes urllib3 again, through the scope.
  later = final: prev: { python3Packages = prev.python3Packages.overrideScope (pyfinal: pyprev: { urllib3 = pyprev.urllib3.overrideAttrs (old: { pname = "urllib3-later"; }); }); };
  stacked = if isOverlay then import <nixpkgs> { overlays = [ overlay later ]; } else { };
in
[
  { name = "the overlay is a function final: prev: { … }"; hint = 1; ok = isOverlay; }
  { name = "python3Packages.urllib3 does not run its tests"; hint = 1;
    expected = false; actual = safe (py.urllib3.doCheck or null); }
  { name = "it is otherwise the same urllib3"; hint = 2; ok = diff == ""; message = diff; reveal = false;
    why = "urllib3 should be the previous urllib3 with only `doCheck = false`."; }
  { name = "requests uses the changed urllib3"; hint = 2;
    ok = safe (uses py.requests py.urllib3) == true;
    message = "requests still depends on the old urllib3: change it inside the Python package set, which is a fixed point of its own."; }
  { name = "so do the other packages of the set (…and only urllib3 changed)"; hint = 3;
    expected = [ true true ];
    actual = safe [ (py.idna.drvPath == base.python3Packages.idna.drvPath) (py.requests.drvPath != base.python3Packages.requests.drvPath) ]; }
  { name = "a later overlay can still change urllib3 for requests"; hint = 3;
    ok = safe (uses stacked.python3Packages.requests stacked.python3Packages.urllib3 && stacked.python3Packages.urllib3.doCheck == false) == true; }
]
