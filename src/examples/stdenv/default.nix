# A stdenv-like builder: a mkDerivation that fills in defaults, the way
# nixpkgs' stdenv does. See stdenv.nix.
let
  stdenv = import ./stdenv.nix;
in
stdenv.mkDerivation {
  pname = "hello";
  version = "2.12";
  buildPhase = "echo 'int main() { return 0; }' > hello.c";
  installPhase = "mkdir -p $out/bin && echo built > $out/bin/hello";
}
