# The inputs of the aarch64 build, pasted from `nix derivation show`:
# depsBuildBuild = [ buildPackages.stdenv.cc ];
# nativeBuildInputs = [ pkg-config perl ];
# buildInputs = [ zlib openssl ];
{ stdenv }:
stdenv.mkDerivation {
  pname = "packer";
  version = "1.2.0";
  dontUnpack = true;
  depsBuildBuild = [ "/nix/store/00000000000000000000000000000000-gcc-wrapper-14.2.0" ];
  nativeBuildInputs = [ "/nix/store/00000000000000000000000000000000-pkg-config-0.29.2" "/nix/store/00000000000000000000000000000000-perl-5.40.0" ];
  buildInputs = [ "/nix/store/00000000000000000000000000000000-zlib-aarch64-unknown-linux-gnu-1.3.1-dev" "/nix/store/00000000000000000000000000000000-openssl-aarch64-unknown-linux-gnu-3.3.2-dev" ];
  buildPhase = ''
    perl gen-formats.pl > formats.h
    $CC_FOR_BUILD -o mktable mktable.c && ./mktable > table.h
    $CC -o packer packer.c $(pkg-config --cflags --libs zlib openssl)
  '';
}
