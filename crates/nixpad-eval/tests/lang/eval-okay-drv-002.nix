# The known answer, drvPath and outPath
let d = derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }; in [ d.drvPath d.outPath ]
