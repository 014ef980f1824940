let
  script = builtins.toFile "greet.sh" "echo \"Hello from a script\" > $out";
  greeting = derivation {
    name = "greeting";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ script ];
  };
in
{
  inherit script greeting;
}
