{ lib, stdenv, fetchurl, pkg-config, zlib }:
stdenv.mkDerivation rec {
  pname = "tinyhttp";
  version = "1.2.0";
  src = fetchurl {
    url = "https://example.org/releases/tinyhttp-${version}.tar.gz";
    hash = "sha256-AeT7vippcqOjswMh9rv8j8jQpBq38/6i31Ari8dm5uc=";
  };
  nativeBuildInputs = [ pkg-config ];
  buildInputs = [ zlib ];
  doCheck = true;
  meta = {
    description = "A small web server";
    license = lib.licenses.mit;
    mainProgram = "tinyhttp";
  };
}
