rec {
  runtimeInputs = pkg: (pkg.buildInputs or [ ]) ++ (pkg.propagatedBuildInputs or [ ]);
  allInputs = pkg: runtimeInputs pkg ++ (pkg.nativeBuildInputs or [ ]);

  # The package and its inputs.
  closureVia = inputsOf: pkg: [ pkg ] ++ inputsOf pkg;

  closure = closureVia allInputs;
  runtimeClosure = closureVia runtimeInputs;
  licencesOf = pkg: let l = pkg.meta.license or [ ]; in if builtins.isList l then l else [ l ];
  unfree = pkg: map (p: p.name) (builtins.filter (p: builtins.any (l: !(l.free or true)) (licencesOf p)) (closure pkg));
  copyleft = pkg:
    let isCopyleft = l: builtins.match "(A|L)?GPL-.*" (l.spdxId or "") != null;
    in map (p: p.name) (builtins.filter (p: builtins.any isCopyleft (licencesOf p)) (runtimeClosure pkg));
}
