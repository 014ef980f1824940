{
  lib,
  stdenv,
  fetchurl,
  python3,
  pkg-config,
  openssl,
  zlib,
  enableNpm ? true,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "nodejs";
  version = "22.12.0";

  src = fetchurl {
    url = "https://nodejs.org/dist/v${finalAttrs.version}/node-v${finalAttrs.version}.tar.xz";
    hash = "sha256-q+kIKhxz3w3uokAQ/575VQ3Ce0/wEpCSzasl2qX9Dpk=";
  };

  nativeBuildInputs = [ python3 pkg-config ];
  buildInputs = [ openssl zlib ];
  configureFlags = [ "--shared-openssl" "--shared-zlib" ] ++ lib.optional (!enableNpm) "--without-npm";
  enableParallelBuilding = true;
  passthru.npmSupport = enableNpm;

  meta = {
    description = "Event-driven I/O framework for the V8 JavaScript engine";
    homepage = "https://nodejs.org";
    license = lib.licenses.mit;
    platforms = lib.platforms.linux ++ lib.platforms.darwin;
    mainProgram = "node";
  };
})
