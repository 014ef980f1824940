{
  hash = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
  viaCurl = { type = "derivation"; args = [ "-c" "curl -o $out https://example.org/hello.txt" ]; outPath = "/nix/store/gy454w1cxaq731grqwylhzf4pp9r5izh-hello.txt"; drvPath = "/nix/store/a.drv"; };
  viaEcho = { type = "derivation"; args = [ "-c" "echo hello > $out" ]; outPath = "/nix/store/gy454w1cxaq731grqwylhzf4pp9r5izh-hello.txt"; drvPath = "/nix/store/b.drv"; };
}

# The real solution:
# let
#   # The SHA-256 of the file's content, "hello\n", in hexadecimal.
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
#   viaEcho = derivation {
#     name = "hello.txt";
#     system = "x86_64-linux";
#     builder = "/bin/sh";
#     args = [ "-c" "echo hello > $out" ];
#     outputHashMode = "flat";
#     outputHashAlgo = "sha256";
#     outputHash = hash;
#   };
# in
# {
#   inherit hash viaCurl viaEcho;
# }
