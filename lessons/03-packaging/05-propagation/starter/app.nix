# A program that uses libfoo (read-only). It names libfoo only.
{ stdenv, pkg-config, libfoo }:
stdenv.mkDerivation {
  pname = "app";
  version = "1.0";
  dontUnpack = true;
  nativeBuildInputs = [ pkg-config ];
  buildInputs = [ libfoo ];
  buildPhase = "cc $(pkg-config --cflags --libs foo) -o app main.c";
  installPhase = "install -Dm755 app $out/bin/app";
}
