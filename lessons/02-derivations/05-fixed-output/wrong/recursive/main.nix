let
  # The SHA-256 of the file's content, "hello\n", in hexadecimal.
  hash = builtins.hashString "sha256" "hello\n";
  viaCurl = derivation {
    name = "hello.txt";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "curl -o $out https://example.org/hello.txt" ];
    outputHashMode = "recursive";
    outputHashAlgo = "sha256";
    outputHash = hash;
  };
  viaEcho = derivation {
    name = "hello.txt";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "echo hello > $out" ];
    outputHashMode = "recursive";
    outputHashAlgo = "sha256";
    outputHash = hash;
  };
in
{
  inherit hash viaCurl viaEcho;
}
