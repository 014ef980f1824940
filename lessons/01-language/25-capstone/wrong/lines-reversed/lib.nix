{
  # byName [ { name = "zlib"; … } ]   gives { zlib = { name = "zlib"; … }; }
  byName = pkgs: builtins.foldl' (acc: p: acc // { ${p.name} = p; }) { } pkgs;

  # major "8.5.0"   gives "8"
  major = version: builtins.head (builtins.match "([0-9]+).*" version);

  # describe { name = "curl"; version = "8.5.0"; deps = [ "openssl" "zlib" ]; }
  #   gives "curl-8.5.0 needs openssl, zlib"   (and just "hello-2.12.1" without deps)
  describe = p:
    let label = "${p.name}-${p.version}";
    in if p.deps == [ ] then label else "${label} needs ${builtins.concatStringsSep ", " p.deps}";

  # lines [ "a" "b" ]   gives "a\nb\n"
  lines = ls: builtins.foldl' (text: l: l + "\n" + text) "" ls;
}
