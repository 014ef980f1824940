{
  lib,
  stdenv,
  fetchurl,
  ncurses,
  pkg-config,
  sensorsSupport ? false,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "htop";
  version = "3.3.0";

  src = fetchurl {
    url = "https://github.com/htop-dev/htop/releases/download/${finalAttrs.version}/htop-${finalAttrs.version}.tar.xz";
    hash = "sha256-OCrXRxiwsdfiALKScwBaOZ/84L80136emxW0PdWZh4M=";
  };

  nativeBuildInputs = [ pkg-config ];
  buildInputs = [ ncurses ];
  configureFlags = [ "--enable-unicode" (lib.enableFeature sensorsSupport "sensors") ];

  meta = {
    description = "Interactive process viewer";
    homepage = "https://htop.dev";
    license = lib.licenses.gpl2Only;
    platforms = lib.platforms.all;
    mainProgram = "htop";
  };
})
