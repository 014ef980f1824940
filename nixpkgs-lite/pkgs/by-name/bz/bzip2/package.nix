{
  lib,
  stdenv,
  fetchurl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "bzip2";
  version = "1.0.8";

  src = fetchurl {
    url = "https://sourceware.org/pub/bzip2/bzip2-${finalAttrs.version}.tar.gz";
    hash = "sha256-OW+8CABYp4FVMWbI6+HPdcA6le6KyLCJK9bL2ZHcPv0=";
  };

  outputs = [ "bin" "dev" "out" ];
  makeFlags = [ "PREFIX=$(out)" ];
  dontConfigure = true;

  meta = {
    description = "High-quality data compression program";
    homepage = "https://sourceware.org/bzip2";
    license = lib.licenses.bsdOriginal;
    platforms = lib.platforms.unix;
    mainProgram = "bzip2";
  };
})
