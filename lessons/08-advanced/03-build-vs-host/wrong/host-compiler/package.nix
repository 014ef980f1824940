{ stdenv, pkg-config, perl, zlib, openssl }:
stdenv.mkDerivation {
  pname = "packer";
  version = "1.2.0";
  dontUnpack = true;
  depsBuildBuild = [ stdenv.cc ];
  nativeBuildInputs = [ pkg-config perl ];
  buildInputs = [ zlib openssl ];
  buildPhase = ''
    perl gen-formats.pl > formats.h
    $CC_FOR_BUILD -o mktable mktable.c && ./mktable > table.h
    $CC -o packer packer.c $(pkg-config --cflags --libs zlib openssl)
  '';
}
