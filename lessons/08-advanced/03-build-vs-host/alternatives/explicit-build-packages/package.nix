# The build machine's tools named explicitly, from buildPackages, instead of letting
# callPackage's splicing choose them.
{ stdenv, buildPackages, zlib, openssl }:
stdenv.mkDerivation {
  pname = "packer";
  version = "1.2.0";
  dontUnpack = true;
  depsBuildBuild = [ buildPackages.stdenv.cc ];
  nativeBuildInputs = with buildPackages; [ pkg-config perl ];
  buildInputs = [ zlib openssl ];
  buildPhase = ''
    perl gen-formats.pl > formats.h
    $CC_FOR_BUILD -o mktable mktable.c && ./mktable > table.h
    $CC -o packer packer.c $(pkg-config --cflags --libs zlib openssl)
  '';
}
