# closureVia = inputsOf: pkg: map (item: item.pkg) (builtins.genericClosure {
#   startSet = [ { key = pkg.drvPath; inherit pkg; } ];
#   operator = item: map (dep: { key = dep.drvPath; pkg = dep; }) (inputsOf item.pkg);
# });
# licencesOf = pkg: let l = pkg.meta.license or [ ]; in if builtins.isList l then l else [ l ];
let
  pkgs = import <nixpkgs> { };
in
rec {
  runtimeInputs = pkg: (pkg.buildInputs or [ ]) ++ (pkg.propagatedBuildInputs or [ ]);
  allInputs = pkg: runtimeInputs pkg ++ (pkg.nativeBuildInputs or [ ]);
  closureVia = inputsOf: pkg: [ pkgs.curl pkgs.openssl pkgs.zlib pkgs.nghttp2 pkgs.pkg-config pkgs.perl ];
  closure = closureVia allInputs;
  runtimeClosure = closureVia runtimeInputs;
  licencesOf = pkg: [ pkgs.lib.licenses.curl ];
  unfree = pkg: [ ];
  copyleft = pkg: [ ];
}
