# The compiler itself. Builds use it through the wrapper (`pkgs.gcc`, `stdenv.cc`),
# which adds the C library and the dependencies' headers and libraries.
{
  lib,
  stdenv,
  fetchurl,
  gmp,
  mpfr,
  libmpc,
  langCC ? true,
  langFortran ? false,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "gcc";
  version = "14.2.0";

  src = fetchurl {
    url = "https://ftpmirror.gnu.org/gcc/gcc-${finalAttrs.version}/gcc-${finalAttrs.version}.tar.xz";
    hash = "sha256-2Ip6gZvOgJYPBo5EWy0kEZd55bK9kl5oft+F9D9kx24=";
  };

  outputs = [ "out" "lib" ];
  buildInputs = [ gmp mpfr libmpc ];
  configureFlags = [
    "--enable-languages=${lib.concatStringsSep "," ([ "c" ] ++ lib.optional langCC "c++" ++ lib.optional langFortran "fortran")}"
    "--disable-multilib"
    "--with-gmp=${lib.getDev gmp}"
    "--with-mpfr=${lib.getDev mpfr}"
    "--with-mpc=${lib.getDev libmpc}"
  ];
  enableParallelBuilding = true;
  passthru = { inherit langCC langFortran; };

  meta = {
    description = "GNU Compiler Collection, without the Nix wrapper (see pkgs.gcc)";
    homepage = "https://gcc.gnu.org";
    license = lib.licenses.gpl3Plus;
    platforms = lib.platforms.linux;
    mainProgram = "gcc";
  };
})
