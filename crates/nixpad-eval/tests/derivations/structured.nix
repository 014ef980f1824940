# Structured attributes: everything but args in one __json variable.
let dep = derivation { name = "dep"; builder = "/bin/sh"; system = "x86_64-linux"; outputs = [ "out" "bin" ]; };
in derivation {
  name = "structured";
  builder = "/bin/sh";
  system = "x86_64-linux";
  __structuredAttrs = true;
  outputs = [ "out" "dev" ];
  args = [ "-e" ./source.txt ];
  number = 1;
  float = 2.5;
  flags = [ true false null ];
  nested = { a = { b = [ "c" dep ]; }; "weird key" = "\"\n"; };
  src = ./source.txt;
  inherit dep;
  bin = dep.bin;
}
