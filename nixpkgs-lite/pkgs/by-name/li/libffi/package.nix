{
  lib,
  stdenv,
  fetchurl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "libffi";
  version = "3.4.6";

  src = fetchurl {
    url = "https://github.com/libffi/libffi/releases/download/v${finalAttrs.version}/libffi-${finalAttrs.version}.tar.gz";
    hash = "sha256-cnZ/z8ehb0Zbiv9AdulXjhR48WA7oVFDgFlgw17VGXE=";
  };

  outputs = [ "out" "dev" ];
  configureFlags = [ "--enable-pax_emutramp" ];
  enableParallelBuilding = true;

  meta = {
    description = "Foreign function call interface library";
    homepage = "https://sourceware.org/libffi/";
    license = lib.licenses.mit;
    platforms = lib.platforms.all;
  };
})
