{ files, syntax, check, ... }:
let
  m = files."main.nix";
  s = syntax."main.nix";
  hash = builtins.hashString "sha256" "hello\n";
  fixed = args: derivation {
    name = "hello.txt";
    system = "x86_64-linux";
    builder = "/bin/sh";
    inherit args;
    outputHashMode = "flat";
    outputHashAlgo = "sha256";
    outputHash = hash;
  };
  viaCurl = check.attr m "viaCurl";
  viaEcho = check.attr m "viaEcho";
in
[
  { name = "hash is the SHA-256 of \"hello\\n\""; expected = hash; actual = m.hash or null; hint = 1; }
  (check.syntaxCheck { name = "hash is computed with builtins.hashString"; ok = check.usesBuiltin s "hashString"; hint = 1; })
  { name = "viaCurl is the fixed-output derivation real Nix computes"; hint = 1;
    ok = check.drvDiff (fixed [ "-c" "curl -o $out https://example.org/hello.txt" ]) viaCurl == "";
    reveal = false; why = check.drvDiff (fixed [ "-c" "curl -o $out https://example.org/hello.txt" ]) viaCurl; }
  { name = "viaEcho runs echo"; expected = [ "-c" "echo hello > $out" ]; actual = check.attr viaEcho "args"; hint = 2; }
  { name = "viaEcho is the fixed-output derivation real Nix computes"; hint = 3;
    ok = check.drvDiff (fixed [ "-c" "echo hello > $out" ]) viaEcho == "";
    reveal = false; why = check.drvDiff (fixed [ "-c" "echo hello > $out" ]) viaEcho; }
  { name = "viaEcho has the same outPath as viaCurl, but a different drvPath"; hint = 3;
    ok = check.isRealDerivation viaEcho && check.isRealDerivation viaCurl
      && viaEcho.outPath == viaCurl.outPath && viaEcho.drvPath != viaCurl.drvPath; }
]
