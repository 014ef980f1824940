{
  lib,
  stdenv,
  fetchurl,
  pkg-config,
  enableApp ? false,
  openssl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "nghttp2";
  version = "1.64.0";

  src = fetchurl {
    url = "https://github.com/nghttp2/nghttp2/releases/download/v${finalAttrs.version}/nghttp2-${finalAttrs.version}.tar.bz2";
    hash = "sha256-ViveuAj+gk42Mq4k/YG4CqFQSsj4c3mtu0S/cfWHZ7Y=";
  };

  outputs = [ "out" "dev" ];
  nativeBuildInputs = [ pkg-config ];
  buildInputs = lib.optional enableApp openssl;
  configureFlags = [ (lib.enableFeature enableApp "app") "--disable-examples" ];
  enableParallelBuilding = true;

  meta = {
    description = "HTTP/2 C library and tools";
    homepage = "https://nghttp2.org/";
    license = lib.licenses.mit;
    platforms = lib.platforms.unix;
  };
})
