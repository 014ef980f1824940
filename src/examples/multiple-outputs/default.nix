# Multiple outputs: one build producing several store paths.
let
  drv = derivation {
    name = "library-1.0";
    system = "x86_64-linux";
    builder = "/bin/sh";
    outputs = [ "out" "dev" "doc" ];
    args = [ "-c" "mkdir -p $out/lib $dev/include $doc/share; echo built > $out/lib/lib.txt" ];
  };
in
{
  inherit (drv) outputs;
  out = drv.out.outPath;
  dev = drv.dev.outPath;
  doc = drv.doc.outPath;
  defaultOutput = drv.outputName;
}
