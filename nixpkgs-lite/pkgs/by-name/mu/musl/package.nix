# musl: a small C library for Linux, the usual choice for static programs (`pkgsStatic`,
# `pkgsMusl`, `pkgsCross.musl64`).
{
  lib,
  stdenv,
  fetchurl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "musl";
  version = "1.2.5";

  src = fetchurl {
    url = "https://musl.libc.org/releases/musl-${finalAttrs.version}.tar.gz";
    hash = "sha256-qaEYu+hNh2TaDqDSizqz+uhHf8fkCF2QECuFlvx8deQ=";
  };

  outputs = [ "out" "dev" ];
  configureFlags = [ "--enable-shared" "--enable-static" "--enable-debug" "--enable-wrapper=all" ];
  enableParallelBuilding = true;

  meta = {
    description = "An efficient, small, quality libc implementation";
    homepage = "https://musl.libc.org/";
    license = lib.licenses.mit;
    platforms = lib.platforms.linux;
  };
})
