# The compiler itself. Builds use it through the wrapper (`pkgs.gcc`, `stdenv.cc`),
# which adds the C library and the dependencies' headers and libraries.
#
# `targetPlatform` is the platform the compiler's programs will run on: the package set's
# own by default; another one makes a cross-compiler (`aarch64-unknown-linux-gnu-gcc`),
# which runs here but writes code for there.
{
  lib,
  stdenv,
  fetchurl,
  gmp,
  mpfr,
  libmpc,
  targetPlatform,
  langCC ? true,
  langFortran ? false,
}:
let
  isCross = targetPlatform.config != stdenv.hostPlatform.config;
  targetPrefix = lib.optionalString isCross "${targetPlatform.config}-";
in
stdenv.mkDerivation (finalAttrs: {
  pname = "${targetPrefix}gcc";
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
  ] ++ lib.optionals isCross [ "--target=${targetPlatform.config}" "--with-as=${targetPrefix}as" ];
  enableParallelBuilding = true;
  passthru = { inherit langCC langFortran targetPlatform targetPrefix; };

  meta = {
    description = "GNU Compiler Collection, without the Nix wrapper (see pkgs.gcc)";
    homepage = "https://gcc.gnu.org";
    license = lib.licenses.gpl3Plus;
    platforms = lib.platforms.linux;
    mainProgram = "gcc";
  };
})
