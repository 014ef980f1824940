{
  lib,
  stdenv,
  fetchurl,
  libevent,
  ncurses,
  pkg-config,
  withSixel ? false,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "tmux";
  version = "3.5a";

  src = fetchurl {
    url = "https://github.com/tmux/tmux/releases/download/${finalAttrs.version}/tmux-${finalAttrs.version}.tar.gz";
    hash = "sha256-aItvgI4xYO6tRMywTU4DQIzzoJ4/TWGZntisYm7nVZE=";
  };

  nativeBuildInputs = [ pkg-config ];
  buildInputs = [ libevent ncurses ];
  configureFlags = [ "--sysconfdir=/etc" ] ++ lib.optional withSixel "--enable-sixel";
  enableParallelBuilding = true;

  meta = {
    description = "Terminal multiplexer";
    homepage = "https://tmux.github.io/";
    license = lib.licenses.bsd3;
    platforms = lib.platforms.unix;
    mainProgram = "tmux";
  };
})
