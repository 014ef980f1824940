# A package's bill of materials, read from its Nix value.
rec {
  # What a package needs when it runs: the libraries it links against, and the ones it
  # passes on (propagates) to whoever uses it.
  runtimeInputs = pkg: (pkg.buildInputs or [ ]) ++ (pkg.propagatedBuildInputs or [ ]);

  # Every direct input: the runtime ones, and the tools that only run while it is built.
  allInputs = pkg: runtimeInputs pkg ++ (pkg.nativeBuildInputs or [ ]);

  # The package and everything reachable from it through `inputsOf`, each derivation once
  # (one .drv is one component, whatever its name or output), the package first.
  #   map (p: p.name) (closure pkgs.curl)
  #     gives [ "curl-8.11.1" "openssl-3.3.2" "zlib-1.3.1" "nghttp2-1.64.0" "pkg-config-0.29.2" "perl-5.40.0" ]
  closureVia = inputsOf: pkg:
    map (item: item.pkg) (builtins.genericClosure {
      startSet = [ { key = pkg.drvPath; inherit pkg; } ];
      operator = item: map (dep: { key = dep.drvPath; pkg = dep; }) (inputsOf item.pkg);
    });

  # Everything needed to build pkg; only what it needs when it runs.
  closure = closureVia allInputs;
  runtimeClosure = closureVia runtimeInputs;

  # meta.license as a list: [ ] when none is given, [ l ] for one licence, the list itself
  # for several.
  licencesOf = pkg: if pkg ? meta.license then [ pkg.meta.license ] else [ ];

  # The names (pkg.name) of the packages in pkg's closure with a licence that is not free.
  unfree = pkg:
    map (p: p.name) (builtins.filter
      (p: builtins.any (l: !(l.free or true)) (licencesOf p))
      (closure pkg));

  # The names of the packages pkg needs at run time with a copyleft licence: an SPDX id
  # that starts with GPL-, LGPL- or AGPL-.
  copyleft = pkg:
    let
      isCopyleft = l: builtins.match "(A|L)?GPL-.*" (l.spdxId or "") != null;
    in
    map (p: p.name) (builtins.filter
      (p: builtins.any isCopyleft (licencesOf p))
      (runtimeClosure pkg));
}
