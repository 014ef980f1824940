let
  # Defaults on the left of `//`, the caller's attributes over them, the computed ones last.
  mkDerivation = attrs:
    let
      buildPhase = attrs.buildPhase or "";
      script = "set -e\n" + buildPhase + "\n" + attrs.installPhase + "\n";
    in
    derivation ({ system = "x86_64-linux"; }
      // removeAttrs attrs [ "buildPhase" "installPhase" ]
      // { builder = "/bin/sh"; args = [ "-c" script ]; });
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
