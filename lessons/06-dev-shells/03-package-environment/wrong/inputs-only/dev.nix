# jq's build environment, with gdb.
{ mkShell, jq, gdb }:
mkShell {
  inputsFrom = [ jq ];
  packages = [ gdb ];
}
