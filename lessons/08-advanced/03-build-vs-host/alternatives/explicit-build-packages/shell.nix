# Tools for the shell as native inputs, which is what `packages` becomes.
{ mkShell, callPackage, jq }:
mkShell {
  inputsFrom = [ (callPackage ./package.nix { }) ];
  nativeBuildInputs = [ jq ];
}
