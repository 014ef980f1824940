# toFile inputs, one referring to another and to a copied source.
let
  script = builtins.toFile "builder.sh" "echo building; touch $out";
  config = builtins.toFile "config.json" (builtins.toJSON { inherit script; src = ./source.txt; });
in derivation {
  name = "with-files";
  builder = "/bin/sh";
  system = "x86_64-linux";
  args = [ script ];
  inherit config;
}
