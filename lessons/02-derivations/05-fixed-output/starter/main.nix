let
  # The SHA-256 of the file's content, "hello\n", in hexadecimal.
  hash = "";
  viaCurl = derivation {
    name = "hello.txt";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "curl -o $out https://example.org/hello.txt" ];
  };
  viaEcho = null;
in
{
  inherit hash viaCurl viaEcho;
}
