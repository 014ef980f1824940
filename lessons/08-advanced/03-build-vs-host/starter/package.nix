# packer: compresses and signs archives. Its build
#   - runs a Perl script that writes formats.h,
#   - compiles a small helper, mktable.c, with the build machine's C compiler
#     ($CC_FOR_BUILD) and runs it to write table.h,
#   - finds zlib and OpenSSL with pkg-config and links packer against them ($CC).
# It was written with native builds in mind only: make it cross-compile.
{ stdenv, pkg-config, perl, zlib, openssl }:
stdenv.mkDerivation {
  pname = "packer";
  version = "1.2.0";
  dontUnpack = true;
  buildInputs = [ pkg-config perl zlib openssl ];
  buildPhase = ''
    perl gen-formats.pl > formats.h
    $CC_FOR_BUILD -o mktable mktable.c && ./mktable > table.h
    $CC -o packer packer.c $(pkg-config --cflags --libs zlib openssl)
  '';
}
