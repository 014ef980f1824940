# libfoo 2.1: its build runs pkg-config; its public header foo.h has `#include <zlib.h>`.
{ stdenv, fetchurl, pkg-config, zlib }:
stdenv.mkDerivation (finalAttrs: {
  pname = "libfoo";
  version = "2.1";

  src = fetchurl {
    url = "https://example.org/libfoo-${finalAttrs.version}.tar.gz";
    hash = "sha256-5s17OwpVLFMD88yvDW8toodLV0gg9xFR1RHXJEWbaLg=";
  };

  outputs = [ "out" "dev" ];
})
