# tinyhttp 1.2.0, a small web server: its source is
# https://example.org/releases/tinyhttp-VERSION.tar.gz (hash below). It is built with
# pkg-config and links zlib; its test suite should run; its program is bin/tinyhttp,
# under the MIT licence.
{ lib, stdenv, fetchurl, pkg-config, zlib }:
stdenv.mkDerivation (finalAttrs: {
  pname = "tinyhttp";
  version = "1.2.0";

  src = fetchurl {
    url = "https://example.org/releases/tinyhttp-${finalAttrs.version}.tar.gz";
    hash = "sha256-AeT7vippcqOjswMh9rv8j8jQpBq38/6i31Ari8dm5uc=";
  };

  nativeBuildInputs = [ pkg-config ];
  buildInputs = [ zlib ];
  doCheck = true;

  meta = {
    description = "A small web server";
    license = lib.licenses.mit;
  };
})
