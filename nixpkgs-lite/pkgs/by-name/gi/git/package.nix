# Git. `gitMinimal` is this package without the manual, Python and Perl.
{
  lib,
  stdenv,
  fetchurl,
  curl,
  openssl,
  zlib,
  expat,
  pcre2,
  perl,
  python3,
  makeWrapper,
  gnugrep,
  gnused,
  coreutils,
  withManual ? true,
  pythonSupport ? true,
  perlSupport ? true,
  withpcre2 ? true,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "git";
  version = "2.47.1";

  src = fetchurl {
    url = "https://www.kernel.org/pub/software/scm/git/git-${finalAttrs.version}.tar.xz";
    hash = "sha256-iOE+yvnLBPoRZqEWgLTObVTHIMkkQ6SpVVO4co5AVdo=";
  };

  outputs = [ "out" ];
  nativeBuildInputs = [ makeWrapper ];
  buildInputs = [ curl openssl zlib expat ]
    ++ lib.optional withpcre2 pcre2
    ++ lib.optional perlSupport perl
    ++ lib.optional pythonSupport python3;

  makeFlags = [
    "prefix=$(out)"
    "NO_TCLTK=1"
  ] ++ lib.optional withpcre2 "USE_LIBPCRE2=1"
    ++ lib.optional (!perlSupport) "NO_PERL=1"
    ++ lib.optional (!pythonSupport) "NO_PYTHON=1";

  doCheck = false;

  postInstall = ''
    wrapProgram $out/bin/git-submodule --prefix PATH : ${lib.makeBinPath [ gnugrep gnused coreutils ]}
  '' + lib.optionalString withManual ''
    make -C Documentation install-man prefix=$out
  '';

  passthru = { inherit withManual pythonSupport perlSupport; };

  meta = {
    description = "Distributed version control system";
    homepage = "https://git-scm.com/";
    license = lib.licenses.gpl2Only;
    platforms = lib.platforms.all;
    mainProgram = "git";
    maintainers = with lib.maintainers; [ chen ];
  };
})
