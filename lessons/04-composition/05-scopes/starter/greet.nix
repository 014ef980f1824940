# greet 2.0, a program that links libgreet (read-only).
{ stdenv, fetchurl, libgreet }:
stdenv.mkDerivation (finalAttrs: {
  pname = "greet";
  version = "2.0";
  src = fetchurl { url = "https://example.org/greet-${finalAttrs.version}.tar.gz"; hash = "sha256-bZdafDwcrTrab3legcrRfyo/T+S/1TnU5c12WNGlnOM="; };
  buildInputs = [ libgreet ];
})
