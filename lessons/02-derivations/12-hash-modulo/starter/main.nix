let
  hash = builtins.hashString "sha256" "hello\n";
  viaCurl = derivation {
    name = "hello.txt";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "curl -o $out https://example.org/hello.txt" ];
    outputHashMode = "flat";
    outputHashAlgo = "sha256";
    outputHash = hash;
  };
  viaMirror = null;

  # A build that uses a source.
  shout = src: derivation {
    name = "shout";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "tr a-z A-Z < ${src} > $out" ];
  };

  # What replaces a fixed-output derivation's .drv path when its users' outputs are hashed.
  modulo = fod: "";
in
{
  inherit viaCurl viaMirror modulo;
  fromCurl = shout viaCurl;
  fromMirror = null;
}
