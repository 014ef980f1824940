# Using a drvPath adds the whole closure of the .drv file as inputs.
let
  base = derivation { name = "base"; builder = "/bin/sh"; system = "x86_64-linux"; src = ./source.txt; };
  mid = derivation { name = "mid"; builder = "/bin/sh"; system = "x86_64-linux"; inherit base; outputs = [ "out" "dev" ]; };
in derivation {
  name = "top";
  builder = "/bin/sh";
  system = "x86_64-linux";
  plan = mid.drvPath;
  discarded = builtins.unsafeDiscardOutputDependency base.drvPath;
}
