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
  viaMirror = derivation {
    name = "hello.txt";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "wget -O $out https://mirror.example.net/hello.txt" ];
    outputHashMode = "flat";
    outputHashAlgo = "sha256";
    outputHash = hash;
  };

  # A build that uses a source.
  shout = src: derivation {
    name = "shout";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "tr a-z A-Z < ${src} > $out" ];
  };

  # What replaces a fixed-output derivation's .drv path when its users' outputs are hashed.
  modulo = fod: builtins.hashString "sha256" "fixed:out:sha256:${fod.outputHash}:${fod.outPath}";
in
{
  inherit viaCurl viaMirror modulo;
  fromCurl = shout viaCurl;
  # The mirror gives the same file, at the same path: use that path.
  fromMirror = shout "/nix/store/gy454w1cxaq731grqwylhzf4pp9r5izh-hello.txt";
}
