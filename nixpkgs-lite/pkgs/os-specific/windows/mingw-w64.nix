# MinGW-w64's runtime: the headers and C runtime Windows programs built with GCC link
# against (`pkgsCross.mingwW64`). Only a cross-compiling package set uses it.
{
  lib,
  stdenv,
  fetchurl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "mingw-w64";
  version = "12.0.0";

  src = fetchurl {
    url = "mirror://sourceforge/mingw-w64/mingw-w64-v${finalAttrs.version}.tar.bz2";
    hash = "sha256-zEGJiqxLbo3Vz/1zMbnZUVuRLfRCCjphK16ilVu+7S8=";
  };

  outputs = [ "out" "dev" ];
  configureFlags = [ "--enable-idl" "--enable-secure-api" ];
  enableParallelBuilding = true;

  meta = {
    description = "The headers and C runtime of the MinGW-w64 toolchain for Windows";
    homepage = "https://www.mingw-w64.org/";
    license = with lib.licenses; [ zpl21 publicDomain ];
    platforms = lib.platforms.windows;
  };
})
