# A package: a function from its inputs to a derivation.
{ system, greeting }:
derivation {
  name = "hello";
  inherit system greeting;
  builder = "/bin/sh";
  args = [ "-c" "echo \"$greeting\" > $out" ];
}
