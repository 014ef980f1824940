{ files, importWith, check, ... }:
let
  pkgs = import <nixpkgs> { };
  file = importWith { "probe.nix" = "./src.nix"; } "probe.nix";
  isFn = check.isFn files."src.nix";
  src = if isFn then pkgs.callPackage file { } else null;
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  old = pkgs.fetchFromGitHub { owner = "example"; repo = "tinyhttp"; rev = "v1.2.0"; hash = "sha256-ZiTP+efj3Dq0V8ZDzqW0E4ONVvN6+PdoawhcdQ8F+FU="; };
  real = check.isRealDerivation src;
in
[
  { name = "src.nix is a function of the fetcher"; hint = 1; ok = isFn && real; }
  { name = "it fetches the tag v1.3.0"; hint = 3;
    expected = [ "https://github.com/example/tinyhttp/archive/v1.3.0.tar.gz" ]; actual = safe (src.urls or null); }
  { name = "it is still a fixed-output derivation, hashed as an unpacked tree"; hint = 1;
    expected = [ true "recursive" ]; actual = safe [ (src ? outputHash) (src.outputHashMode or null) ]; }
  { name = "its store path is not the 1.2.0 source's"; hint = 2;
    ok = real && safe (src.outPath != old.outPath) == true;
    message = "Same hash, same name: same store path. Nix would reuse the 1.2.0 source it already has."; }
  { name = "with the hash Nix reported for v1.3.0"; hint = 3; expected = "sha256-QUXvQ9JGnyepIZuvlH0IQcTtVqovyDlkjMbqtYAA/b8="; actual = safe (src.outputHash or null); }
]
