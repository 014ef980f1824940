# mdtools 0.4: a Makefile project. Its test suite needs python3 (nothing else does).
{ stdenv, fetchurl, python3 }:
stdenv.mkDerivation (finalAttrs: {
  pname = "mdtools";
  version = "0.4";

  src = fetchurl {
    url = "https://example.org/mdtools-${finalAttrs.version}.tar.gz";
    hash = "sha256-lKDCSeTejS+9ghWl6/JYyVmm7Q7zgzgfiDCX4Mt0T3c=";
  };

  doCheck = true;
  buildInputs = [ python3 ];

  preBuild = ''
    substituteInPlace Makefile --replace-fail /usr/local $out
  '';

  postInstall = ''
    install -Dm644 mdtools.1 $out/share/man/man1/mdtools.1
  '';
})
