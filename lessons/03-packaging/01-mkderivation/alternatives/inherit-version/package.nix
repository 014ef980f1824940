# The same, with the version bound once in a let and the URL built from finalAttrs.
{ lib, stdenv, fetchurl, pkg-config, zlib }:
stdenv.mkDerivation (finalAttrs: {
  pname = "tinyhttp";
  version = "1.2.0";
  src = fetchurl {
    url = "https://example.org/releases/${finalAttrs.pname}-${finalAttrs.version}.tar.gz";
    hash = "sha256-AeT7vippcqOjswMh9rv8j8jQpBq38/6i31Ari8dm5uc=";
  };
  nativeBuildInputs = [ pkg-config ];
  buildInputs = [ zlib ];
  doCheck = true;
  meta = with lib; {
    description = "A small web server";
    license = licenses.mit;
    mainProgram = "tinyhttp";
  };
})
