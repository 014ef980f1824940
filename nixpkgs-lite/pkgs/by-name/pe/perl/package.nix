{
  lib,
  stdenv,
  fetchurl,
  enableThreading ? true,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "perl";
  version = "5.40.0";

  src = fetchurl {
    url = "https://www.cpan.org/src/5.0/perl-${finalAttrs.version}.tar.gz";
    hash = "sha256-F5L/5Ow8sdr/rmeVUWihLeWEuUlpr5nSs3RhHRMiPWo=";
  };

  configureFlags = [ "-de" "-Dprefix=${placeholder "out"}" "-Duseshrplib" ] ++ lib.optional enableThreading "-Dusethreads";
  configureScript = "${stdenv.shell} ./Configure";
  enableParallelBuilding = true;
  passthru.libPrefix = "lib/perl5/site_perl";

  meta = {
    description = "Standard implementation of the Perl 5 programming language";
    homepage = "https://www.perl.org/";
    license = with lib.licenses; [ artistic1 gpl1Plus ];
    platforms = lib.platforms.unix;
    mainProgram = "perl";
  };
})
