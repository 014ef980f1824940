# tinyhttp 1.2.0, a small web server: its source is
# https://example.org/releases/tinyhttp-VERSION.tar.gz (hash below). It is built with
# pkg-config and links zlib; its test suite should run; its program is bin/tinyhttp,
# under the MIT licence.
{ lib, stdenv, fetchurl, pkg-config, zlib }:
stdenv.mkDerivation {
  # sha256-AeT7vippcqOjswMh9rv8j8jQpBq38/6i31Ari8dm5uc=
}
