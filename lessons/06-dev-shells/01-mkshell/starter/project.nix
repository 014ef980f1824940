# The project this shell is for (read-only here).
{ stdenv, pkg-config, openssl, zlib }:
stdenv.mkDerivation {
  pname = "project";
  version = "0.1.0";
  dontUnpack = true;
  nativeBuildInputs = [ pkg-config ];
  buildInputs = [ openssl zlib ];
}
