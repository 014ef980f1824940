{
  lib,
  stdenv,
  fetchurl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "expat";
  version = "2.6.4";

  src = fetchurl {
    url = "https://github.com/libexpat/libexpat/releases/download/R_${lib.replaceStrings [ "." ] [ "_" ] finalAttrs.version}/expat-${finalAttrs.version}.tar.xz";
    hash = "sha256-J7QC80w35OhB1sb3tA+epvpYE1N4C+Hjyw+Pnn2fPfU=";
  };

  outputs = [ "out" "dev" ];
  configureFlags = [ "--without-docbook" ];
  enableParallelBuilding = true;
  doCheck = true;

  meta = {
    description = "Stream-oriented XML parser library written in C";
    homepage = "https://libexpat.github.io/";
    license = lib.licenses.mit;
    platforms = lib.platforms.all;
  };
})
