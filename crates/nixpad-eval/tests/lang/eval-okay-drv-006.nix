# Each output's outPath and outputName
let d = derivation { name = "m"; builder = "/bin/sh"; system = "x86_64-linux"; outputs = [ "out" "dev" ]; }; in [ d.outPath d.dev.outPath d.out.outputName d.dev.outputName d.outputName ]
