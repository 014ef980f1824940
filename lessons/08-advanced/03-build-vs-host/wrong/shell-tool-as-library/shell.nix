{ mkShell, callPackage, jq }:
mkShell {
  inputsFrom = [ (callPackage ./package.nix { }) ];
  buildInputs = [ jq ];
}
