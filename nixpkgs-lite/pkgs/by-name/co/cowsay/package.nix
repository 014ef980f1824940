{
  lib,
  stdenv,
  fetchurl,
  perl,
  makeWrapper,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "cowsay";
  version = "3.8.4";

  src = fetchurl {
    url = "https://github.com/cowsay-org/cowsay/archive/refs/tags/v${finalAttrs.version}.tar.gz";
    hash = "sha256-KwHC+XebxRRB78kgy/0OeeTvEbEZvLWVl8KN8Gw/fGI=";
  };

  buildInputs = [ perl ];
  nativeBuildInputs = [ makeWrapper ];
  makeFlags = [ "prefix=$(out)" ];
  postInstall = ''
    wrapProgram $out/bin/cowsay --set COWPATH $out/share/cowsay/cows
  '';

  meta = {
    description = "Program which generates ASCII pictures of a cow with a message";
    homepage = "https://github.com/cowsay-org/cowsay";
    license = lib.licenses.gpl3Only;
    platforms = lib.platforms.all;
    mainProgram = "cowsay";
  };
})
