# curl, with its optional features as arguments:
#   curl.override { http2Support = false; }   (that is pkgs.curlMinimal)
#   curl.override { withSsl = false; }
{
  lib,
  stdenv,
  fetchurl,
  pkg-config,
  perl,
  zlib,
  openssl,
  nghttp2,
  withSsl ? true,
  http2Support ? true,
  zlibSupport ? true,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "curl";
  version = "8.11.1";

  src = fetchurl {
    url = "https://curl.se/download/curl-${finalAttrs.version}.tar.xz";
    hash = "sha256-hWgFto8D+C8oLNJVvKyCeEgq9nJbDQNMk44ZTry1B4o=";
  };

  outputs = [ "bin" "dev" "out" ];
  nativeBuildInputs = [ pkg-config perl ];
  buildInputs = lib.optional withSsl openssl
    ++ lib.optional zlibSupport zlib
    ++ lib.optional http2Support nghttp2;
  configureFlags = [
    (lib.withFeatureAs withSsl "openssl" (lib.getDev openssl))
    (lib.withFeature zlibSupport "zlib")
    (lib.withFeature http2Support "nghttp2")
    "--disable-manual"
  ];
  enableParallelBuilding = true;
  passthru = { inherit openssl withSsl http2Support; };

  meta = {
    description = "Command line tool for transferring files with URL syntax";
    homepage = "https://curl.se/";
    license = lib.licenses.curl;
    platforms = lib.platforms.all;
    mainProgram = "curl";
    maintainers = with lib.maintainers; [ brook ];
  };
})
