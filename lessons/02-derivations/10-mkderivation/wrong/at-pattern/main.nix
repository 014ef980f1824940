let
  mkDerivation = { name, installPhase, buildPhase ? "", system ? "x86_64-linux", ... }@attrs:
    derivation (removeAttrs attrs [ "buildPhase" "installPhase" ] // {
      builder = "/bin/sh";
      args = [ "-c" ''
        set -e
        ${buildPhase}
        ${installPhase}
      '' ];
    });
in
{
  inherit mkDerivation;
  hello = mkDerivation {
    name = "hello";
    system = "x86_64-linux";
    greeting = "Hello";
    buildPhase = "msg=\"$greeting, world\"";
    installPhase = "echo \"$msg\" > $out";
  };
}
