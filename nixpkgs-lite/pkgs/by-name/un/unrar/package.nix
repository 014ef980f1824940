# unrar: free to use and to redistribute, but its license is not free software, so
# nixpkgs refuses it unless `config.allowUnfree = true` (or allowUnfreePredicate).
{
  lib,
  stdenv,
  fetchurl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "unrar";
  version = "7.1.2";

  src = fetchurl {
    url = "https://www.rarlab.com/rar/unrarsrc-${finalAttrs.version}.tar.gz";
    hash = "sha256-K1foOFcmtnX5FINmEhY1NH9TLZ4V/eCf8F/6PxG/TAo=";
  };

  dontConfigure = true;
  makeFlags = [ "CXX=c++" ];
  installPhase = ''
    install -Dm755 unrar $out/bin/unrar
  '';

  meta = {
    description = "Utility for RAR archives";
    homepage = "https://www.rarlab.com/";
    license = lib.licenses.unfreeRedistributable;
    platforms = lib.platforms.all;
    mainProgram = "unrar";
  };
})
