{
  lib,
  stdenv,
  fetchurl,
  pkg-config,
  enableWidec ? true,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "ncurses";
  version = "6.5";

  src = fetchurl {
    url = "https://ftpmirror.gnu.org/ncurses/ncurses-${finalAttrs.version}.tar.gz";
    hash = "sha256-alaTgoPAFo5rZf80S+kWuvWH1pp0eLv2Iki+tT7Vros=";
  };

  outputs = [ "out" "dev" ];
  nativeBuildInputs = [ pkg-config ];
  configureFlags = [ "--with-shared" "--enable-pc-files" ] ++ lib.optional enableWidec "--enable-widec";
  enableParallelBuilding = true;

  meta = {
    description = "Free software emulation of curses in SVR4 and more";
    homepage = "https://www.gnu.org/software/ncurses/";
    license = lib.licenses.mit;
    platforms = lib.platforms.all;
  };
})
