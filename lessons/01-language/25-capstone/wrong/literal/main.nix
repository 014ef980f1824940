{
  index = {
    curl = { name = "curl"; version = "8.5.0"; deps = [ "openssl" "zlib" ]; };
    hello = { name = "hello"; version = "2.12.1"; deps = [ ]; };
    openssl = { name = "openssl"; version = "3.0.13"; deps = [ "zlib" ]; };
    zlib = { name = "zlib"; version = "1.3.1"; deps = [ ]; };
  };
  majors = { curl = "8"; hello = "2"; openssl = "3"; zlib = "1"; };
  summary = "4 packages, 3 dependencies";
  report = "hello-2.12.1\ncurl-8.5.0 needs openssl, zlib\nopenssl-3.0.13 needs zlib\nzlib-1.3.1\n";
}
# let
#   lib = import ./lib.nix;
#   pkgs = import ./inventory.nix;
#   index = lib.byName pkgs;
#   depCount = builtins.length (builtins.concatMap (p: p.deps) pkgs);
# in
# {
#   inherit index;
#   majors = builtins.mapAttrs (name: p: lib.major p.version) index;
#   summary = "${toString (builtins.length pkgs)} packages, ${toString depCount} dependencies";
#   report = lib.lines (map lib.describe pkgs);
# }
