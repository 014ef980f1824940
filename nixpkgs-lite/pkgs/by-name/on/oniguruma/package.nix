{
  lib,
  stdenv,
  fetchurl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "oniguruma";
  version = "6.9.10";

  src = fetchurl {
    url = "https://github.com/kkos/oniguruma/releases/download/v${finalAttrs.version}/onig-${finalAttrs.version}.tar.gz";
    hash = "sha256-5jtFUGqNuBzy3lgxfQSijY6yttEjNMs7qPrqsURf4S4=";
  };

  outputs = [ "out" "dev" ];
  enableParallelBuilding = true;

  meta = {
    description = "Regular expressions library";
    homepage = "https://github.com/kkos/oniguruma";
    license = lib.licenses.bsd2;
    platforms = lib.platforms.unix;
  };
})
