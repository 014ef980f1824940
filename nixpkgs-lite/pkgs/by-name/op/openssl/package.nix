{
  lib,
  stdenv,
  fetchurl,
  perl,
  zlib,
  withZlib ? false,
  static ? false,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "openssl";
  version = "3.3.2";

  src = fetchurl {
    url = "https://www.openssl.org/source/openssl-${finalAttrs.version}.tar.gz";
    hash = "sha256-zf3lqq4nN2J6m3EvCtYsyvdnZyACsjk6a4KdIovgPk0=";
  };

  outputs = [ "bin" "dev" "out" ];
  nativeBuildInputs = [ perl ];
  buildInputs = lib.optional withZlib zlib;
  configureScript = "./Configure";
  configureFlags = [ "shared" "--libdir=lib" "--openssldir=etc/ssl" ]
    ++ lib.optional withZlib "zlib"
    ++ lib.optional static "no-shared";
  enableParallelBuilding = true;

  meta = {
    description = "Cryptographic library that implements the SSL and TLS protocols";
    homepage = "https://www.openssl.org/";
    license = lib.licenses.asl20;
    platforms = lib.platforms.all;
    mainProgram = "openssl";
    maintainers = with lib.maintainers; [ brook ];
  };
})
