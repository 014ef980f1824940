let
  mkDerivation = attrs: derivation attrs;
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
