{ files, sources, ... }:
let
  m = files."main.nix";
  src = sources."main.nix";
  hasInfix = needle: s: builtins.replaceStrings [ needle ] [ "" ] s != s;
  compact = builtins.replaceStrings [ " " "\t" "\n" ] [ "" "" "" ] src;
  # The version is typed once: everywhere else it is computed.
  typedOnce = builtins.length (builtins.split "2\\.12\\.1" src) == 3;
in
[
  { name = "name is \"hello-2.12.1\""; expected = "hello-2.12.1"; actual = m.name or null; hint = 2; }
  { name = "url points at version 2.12.1"; expected = "https://ftp.gnu.org/gnu/hello/hello-2.12.1.tar.gz"; actual = m.url or null; hint = 2; }
  { name = "the set is rec"; ok = hasInfix "rec{" compact; hint = 1; }
  { name = "the version number is written only once"; ok = typedOnce;
    message = "Build name and url from pname and version instead of typing them."; hint = 2; }
]
