{
  lib,
  stdenv,
  fetchurl,
  openssl,
  pkg-config,
  sslSupport ? true,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "libevent";
  version = "2.1.12";

  src = fetchurl {
    url = "https://github.com/libevent/libevent/releases/download/release-${finalAttrs.version}-stable/libevent-${finalAttrs.version}-stable.tar.gz";
    hash = "sha256-wWxdaUeSgGR6+8RXWD8ySSrUJFiXT2DRGVVwjU/uDjs=";
  };

  outputs = [ "out" "dev" ];
  nativeBuildInputs = [ pkg-config ];
  buildInputs = lib.optional sslSupport openssl;
  configureFlags = [ (lib.enableFeature sslSupport "openssl") ];
  enableParallelBuilding = true;

  meta = {
    description = "Event notification library";
    homepage = "https://libevent.org/";
    license = lib.licenses.bsd3;
    platforms = lib.platforms.all;
  };
})
