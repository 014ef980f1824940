# The walk written by hand: a depth-first search that carries the set of .drv paths seen.
rec {
  runtimeInputs = pkg: (pkg.buildInputs or [ ]) ++ (pkg.propagatedBuildInputs or [ ]);
  allInputs = pkg: runtimeInputs pkg ++ (pkg.nativeBuildInputs or [ ]);

  closureVia = inputsOf: pkg:
    let
      # An attribute name cannot carry a string context (the .drv it depends on): drop it.
      keyOf = p: builtins.unsafeDiscardStringContext p.drvPath;
      # visit: { seen; found; } -> a package -> the same, with the package and its inputs.
      visit = acc: p:
        if acc.seen ? ${keyOf p} then acc
        else builtins.foldl' visit
          { seen = acc.seen // { ${keyOf p} = true; }; found = acc.found ++ [ p ]; }
          (inputsOf p);
    in
    (visit { seen = { }; found = [ ]; } pkg).found;

  closure = closureVia allInputs;
  runtimeClosure = closureVia runtimeInputs;

  licencesOf = pkg:
    let l = pkg.meta.license or null; in
    if l == null then [ ] else if builtins.isList l then l else [ l ];

  namesWhere = pred: pkgs: map (p: p.name) (builtins.filter (p: builtins.any pred (licencesOf p)) pkgs);
  unfree = pkg: namesWhere (l: (l.free or true) == false) (closure pkg);
  copyleft = pkg:
    let prefixes = [ "GPL-" "LGPL-" "AGPL-" ];
        startsWith = s: pre: builtins.substring 0 (builtins.stringLength pre) s == pre;
    in namesWhere (l: builtins.any (startsWith (l.spdxId or "")) prefixes) (runtimeClosure pkg);
}
