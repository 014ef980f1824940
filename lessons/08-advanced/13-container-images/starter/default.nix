# Your function applied to two packages (read-only; neither is a server, they show the
# shape). "Open in playground", then its Derivation tab, shows these images: their
# configuration and their layers.
let
  pkgs = import <nixpkgs> { };
  imageFor = pkgs.callPackage ./image.nix { };
in
{
  hello = imageFor pkgs.hello {
    port = 8080;
    env = { LANG = "C.UTF-8"; };
    args = [ "--greeting=Hello from a container" ];
  };
  curl = imageFor pkgs.curl { port = 9000; };
}
