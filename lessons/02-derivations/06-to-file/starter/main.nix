let
  script = "";
  greeting = derivation {
    name = "greeting";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "echo 'Hello from a script' > $out" ];
  };
in
{
  inherit script greeting;
}
