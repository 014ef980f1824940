{
  lib,
  stdenv,
  fetchurl,
  withJit ? true,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "pcre2";
  version = "10.44";

  src = fetchurl {
    url = "https://github.com/PCRE2Project/pcre2/releases/download/pcre2-${finalAttrs.version}/pcre2-${finalAttrs.version}.tar.bz2";
    hash = "sha256-KElS5EzTvwxNR7l+ehMRfOU6E7tW3jl1kyJxfs7zEKA=";
  };

  outputs = [ "bin" "dev" "out" ];
  configureFlags = [ "--enable-pcre2-16" "--enable-pcre2-32" ] ++ lib.optional withJit "--enable-jit";
  enableParallelBuilding = true;

  meta = {
    description = "Perl Compatible Regular Expressions";
    homepage = "https://www.pcre.org/";
    license = lib.licenses.bsd3;
    platforms = lib.platforms.all;
  };
})
