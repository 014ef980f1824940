{
  lib,
  stdenv,
  fetchurl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "xz";
  version = "5.6.3";

  src = fetchurl {
    url = "https://github.com/tukaani-project/xz/releases/download/v${finalAttrs.version}/xz-${finalAttrs.version}.tar.xz";
    hash = "sha256-dUVHXj79vsIh5ChWcgBpKtHLEJfoN1IadWUuvNeKueU=";
  };

  outputs = [ "bin" "dev" "out" ];
  configureFlags = [ "--disable-static" ];
  enableParallelBuilding = true;
  doCheck = true;

  meta = {
    description = "General-purpose data compression software, successor of LZMA";
    homepage = "https://tukaani.org/xz/";
    license = with lib.licenses; [ gpl2Plus lgpl21Plus bsd0 ];
    platforms = lib.platforms.unix;
    mainProgram = "xz";
  };
})
