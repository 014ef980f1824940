let
  inherit (import <nixpkgs> { }) lib;
  inherit (lib.fileset) difference fileFilter toSource union;
in
rec {
  # Whether a file is a C source or header, by the end of its name.
  isSource = { name, ... }: builtins.match ".*\\.[ch]" name != null;

  # The files the build needs: the Makefile, and the C sources and headers under src/
  # (not the benchmarks in src/bench/).
  fileset = union ./Makefile (difference (fileFilter isSource ./src) ./src/bench);
  source = toSource { root = ./.; inherit fileset; };
}
