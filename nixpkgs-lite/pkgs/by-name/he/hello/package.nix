# GNU Hello: the package nixpkgs' tests and tutorials start with.
{
  lib,
  stdenv,
  fetchurl,
}:
stdenv.mkDerivation (finalAttrs: {
  pname = "hello";
  version = "2.12.1";

  src = fetchurl {
    url = "https://ftpmirror.gnu.org/hello/hello-${finalAttrs.version}.tar.gz";
    hash = "sha256-DfAMKwkSPwkZYoKemXyysmiCNMrpKYvrdAZMsD6rXVU=";
  };

  doCheck = true;

  meta = {
    description = "Program that produces a familiar, friendly greeting";
    longDescription = ''
      GNU Hello is a program that prints "Hello, world!" when you run it.
      It is fully customizable.
    '';
    homepage = "https://www.gnu.org/software/hello/";
    changelog = "https://git.savannah.gnu.org/cgit/hello.git/plain/NEWS?h=v${finalAttrs.version}";
    license = lib.licenses.gpl3Plus;
    maintainers = with lib.maintainers; [ nixpad ];
    mainProgram = "hello";
    platforms = lib.platforms.all;
  };
})
