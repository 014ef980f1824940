{ files, syntax, check, ... }:
let
  m = files."main.nix";
  s = syntax."main.nix";
  # The version is typed once: everywhere else it is computed.
  mentions = builtins.filter (p: builtins.match ".*2\\.12\\.1.*" p != null) s.strings;
in
[
  { name = "name is \"hello-2.12.1\""; expected = "hello-2.12.1"; actual = m.name or null; hint = 2; }
  { name = "url points at version 2.12.1"; expected = "https://ftp.gnu.org/gnu/hello/hello-2.12.1.tar.gz"; actual = m.url or null; hint = 3; }
  (check.syntaxCheck { name = "the set is rec"; ok = check.uses s "rec"; hint = 1; })
  (check.syntaxCheck { name = "the version number is written only once"; ok = builtins.length mentions == 1 && check.interpolates s "version"; hint = 2;
    message = "Build name and url from pname and version instead of typing them."; })
]
