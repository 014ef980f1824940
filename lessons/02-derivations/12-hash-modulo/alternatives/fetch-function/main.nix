let
  # One fetcher, two commands: everything but the command is shared.
  fetch = command: derivation {
    name = "hello.txt";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" command ];
    outputHashMode = "flat";
    outputHashAlgo = "sha256";
    outputHash = builtins.hashString "sha256" "hello\n";
  };
  viaCurl = fetch "curl -o $out https://example.org/hello.txt";
  viaMirror = fetch "curl -o $out https://mirror.example.net/hello.txt";

  # A build that uses a source.
  shout = src: derivation {
    name = "shout";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "tr a-z A-Z < ${src} > $out" ];
  };

  # The declared hash and the path: nothing about how the file is fetched.
  modulo = { outputHash, outPath, ... }:
    builtins.hashString "sha256" (builtins.concatStringsSep ":" [ "fixed" "out" "sha256" outputHash outPath ]);
in
{
  inherit viaCurl viaMirror modulo;
  fromCurl = shout viaCurl;
  fromMirror = shout viaMirror;
}
