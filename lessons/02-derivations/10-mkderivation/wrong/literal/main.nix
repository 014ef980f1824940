# The derivation written out by hand, and a "function" that always returns it.
let
  hello = derivation {
    name = "hello";
    system = "x86_64-linux";
    builder = "/bin/sh";
    greeting = "Hello";
    args = [ "-c" "set -e\nmsg=\"$greeting, world\"\necho \"$msg\" > $out\n" ];
  };
in
{
  mkDerivation = attrs: hello;
  inherit hello;
}
# let
#   mkDerivation = { name, installPhase, buildPhase ? "", system ? "x86_64-linux", ... }@attrs:
#     derivation (removeAttrs attrs [ "buildPhase" "installPhase" ] // {
#       inherit system;
#       builder = "/bin/sh";
#       args = [ "-c" ''
#         set -e
#         ${buildPhase}
#         ${installPhase}
#       '' ];
#     });
# in
# {
#   inherit mkDerivation;
#   hello = mkDerivation {
#     name = "hello";
#     greeting = "Hello";
#     buildPhase = "msg=\"$greeting, world\"";
#     installPhase = "echo \"$msg\" > $out";
#   };
# }
