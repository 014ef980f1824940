let
  inherit (import <nixpkgs> { }) lib;
  fs = lib.fileset;
in
rec {
  # Whether a file is a C source or header. `fileFilter` calls it with a set
  # { name; type; hasExt; } for each file.
  isSource = file: file.hasExt "c" || file.hasExt "h";

  # The files the build needs: the Makefile, and the C sources and headers under src/
  # (not the benchmarks in src/bench/).
  fileset = fs.unions [
    ./Makefile
    (fs.fileFilter isSource ./src)
  ];
  source = fs.toSource { root = ./.; inherit fileset; };
}
