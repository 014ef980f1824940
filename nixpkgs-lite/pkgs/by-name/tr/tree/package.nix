# tree, from its git repository (a `fetchgit` source: a fixed-output derivation made with git).
{
  lib,
  stdenv,
  fetchgit,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "tree";
  version = "2.2.1";

  src = fetchgit {
    url = "https://gitlab.com/OldManProgrammer/unix-tree.git";
    rev = finalAttrs.version;
    hash = "sha256-I7LOqm4e44lkyO0VuGn58vKlZI34Ks7FyPC7wGZ2cio=";
  };

  dontConfigure = true;
  makeFlags = [ "CC=cc" "PREFIX=$(out)" "MANDIR=$(out)/share/man" ];

  meta = {
    description = "Command to produce a depth indented directory listing";
    homepage = "https://oldmanprogrammer.net/source.php?dir=projects/tree";
    license = lib.licenses.gpl2Plus;
    platforms = lib.platforms.all;
    mainProgram = "tree";
  };
})
