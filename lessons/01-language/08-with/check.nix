{ files, sources, ... }:
let
  m = files."main.nix";
  hasInfix = needle: s: builtins.replaceStrings [ needle ] [ "" ] s != s;
  compact = builtins.replaceStrings [ " " "\t" "\n" ] [ "" "" "" ] sources."main.nix";
in
[
  { name = "packages are git, curl and jq"; expected = [ "git-2.47" "curl-8.11" "jq-1.7" ]; actual = m.packages or null; hint = 1; }
  { name = "uses with"; ok = hasInfix "withpkgs;" compact; hint = 2; }
  { name = "does not write pkgs.git"; ok = !(hasInfix "pkgs.git" sources."main.nix"); hint = 2; }
]
