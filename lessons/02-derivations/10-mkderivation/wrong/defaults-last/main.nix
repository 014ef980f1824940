let
  mkDerivation = { name, installPhase, buildPhase ? "", ... }@attrs:
    derivation (removeAttrs attrs [ "buildPhase" "installPhase" ] // {
      system = "x86_64-linux";
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
    greeting = "Hello";
    buildPhase = "msg=\"$greeting, world\"";
    installPhase = "echo \"$msg\" > $out";
  };
}
