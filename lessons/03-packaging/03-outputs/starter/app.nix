# A program built against zap (read-only): headers from its dev output, the library from
# its lib output (each falls back to the default output when zap has no such output).
{ stdenv, lib, zap }:
stdenv.mkDerivation {
  pname = "app";
  version = "0.1";
  dontUnpack = true;
  buildPhase = ''
    cc -I${lib.getDev zap}/include -L${lib.getLib zap}/lib -lzap -o app main.c
  '';
  installPhase = "mkdir -p $out/bin && cp app $out/bin/";
}
