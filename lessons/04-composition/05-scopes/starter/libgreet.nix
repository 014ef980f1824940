# libgreet 1.0, a library (read-only).
{ stdenv, fetchurl }:
stdenv.mkDerivation (finalAttrs: {
  pname = "libgreet";
  version = "1.0";
  src = fetchurl { url = "https://example.org/libgreet-${finalAttrs.version}.tar.gz"; hash = "sha256-s+SrTNTxclz2tXxdnHN49P6Md/67DDyno3vAY/mLnPw="; };
})
