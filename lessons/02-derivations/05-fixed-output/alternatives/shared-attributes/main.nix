let
  hash = builtins.hashString "sha256" "hello\n";
  # What the two downloads have in common.
  common = {
    name = "hello.txt";
    system = "x86_64-linux";
    builder = "/bin/sh";
    outputHashMode = "flat";
    outputHashAlgo = "sha256";
    outputHash = hash;
  };
in
{
  inherit hash;
  viaCurl = derivation (common // { args = [ "-c" "curl -o $out https://example.org/hello.txt" ]; });
  viaEcho = derivation (common // { args = [ "-c" "echo hello > $out" ]; });
}
