# The prebuilt bootstrap tools: a static busybox and a tarball of compiler, shell and
# utilities, fetched by Nix itself (`builtin:fetchurl`). Nothing is ever downloaded by
# nixpkgs-lite: the hashes are those of these files' names, so the paths are stable.
{ hostPlatform }:
let
  fetch = import ../../build-support/fetchurl/boot.nix { inherit hostPlatform; };
  base = "https://tarballs.nixpad.example/stdenv/${hostPlatform.system}/bootstrap-2025-05";
in
{
  busybox = fetch {
    url = "${base}/busybox";
    hash = "sha256-nXXw18OY31ZdesBMaBm2LW2PlWD160ZyWW7Nj36WrpE=";
    executable = true;
  };
  bootstrapTools = fetch {
    url = "${base}/bootstrap-tools.tar.xz";
    hash = "sha256-f0H8uDdTcdmV7fKb4dID2cR1hVAFDXOhTNw0eUS45Q8=";
  };
}
