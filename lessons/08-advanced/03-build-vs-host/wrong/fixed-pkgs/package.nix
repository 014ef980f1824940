{ stdenv }:
let
  pkgs = import <nixpkgs> { };
in
stdenv.mkDerivation {
  pname = "packer";
  version = "1.2.0";
  dontUnpack = true;
  depsBuildBuild = [ pkgs.stdenv.cc ];
  nativeBuildInputs = [ pkgs.pkg-config pkgs.perl ];
  buildInputs = [ pkgs.zlib pkgs.openssl ];
  buildPhase = ''
    perl gen-formats.pl > formats.h
    $CC_FOR_BUILD -o mktable mktable.c && ./mktable > table.h
    $CC -o packer packer.c $(pkg-config --cflags --libs zlib openssl)
  '';
}
