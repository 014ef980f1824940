# Another package: it needs `hello`, and has a default for `punctuation`.
{ system, hello, punctuation ? "!" }:
derivation {
  name = "greeter";
  inherit system;
  builder = "/bin/sh";
  args = [ "-c" "echo \"$(cat ${hello})${punctuation}\" > $out" ];
}
