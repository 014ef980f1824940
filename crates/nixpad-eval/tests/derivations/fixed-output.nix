# Every fixed-output mode and algorithm, and a derivation using them all.
let
  fod = name: attrs: derivation ({ inherit name; builder = "/bin/sh"; system = "x86_64-linux"; } // attrs);
  zero = n: builtins.concatStringsSep "" (builtins.genList (_: "0") n);
  all = [
    (fod "flat-sha256-sri" { outputHash = "sha256-LCa0a2j/xo/5m0U8HTBBNBNCLXBkg7+g+YpeiGJm564="; })
    (fod "flat-sha256-hex" { outputHash = builtins.hashString "sha256" "foo"; outputHashAlgo = "sha256"; })
    (fod "flat-sha256-nix32" { outputHash = "0xfpz2r3rfhncz1k0nm6wqnc9f6h7b2gcjyyx41xhxl3fg3czl4x"; outputHashAlgo = "sha256"; outputHashMode = "flat"; })
    (fod "flat-sha1" { outputHash = builtins.hashString "sha1" "foo"; outputHashAlgo = "sha1"; })
    (fod "flat-md5" { outputHash = builtins.hashString "md5" "foo"; outputHashAlgo = "md5"; })
    (fod "flat-sha512" { outputHash = builtins.hashString "sha512" "foo"; outputHashAlgo = "sha512"; })
    (fod "recursive-sha256" { outputHash = "sha256-LCa0a2j/xo/5m0U8HTBBNBNCLXBkg7+g+YpeiGJm564="; outputHashMode = "recursive"; })
    (fod "nar-sha256" { outputHash = builtins.hashString "sha256" "bar"; outputHashAlgo = "sha256"; outputHashMode = "nar"; })
    (fod "recursive-sha1" { outputHash = builtins.hashString "sha1" "foo"; outputHashAlgo = "sha1"; outputHashMode = "recursive"; })
    (fod "recursive-sha512-sri" { outputHash = "sha512-" + builtins.convertHash { hash = builtins.hashString "sha512" "x"; hashAlgo = "sha512"; toHashFormat = "base64"; }; outputHashMode = "recursive"; })
    (fod "prefixed" { outputHash = "sha256:" + zero 64; })
    (fod "empty-hash" { outputHash = ""; outputHashAlgo = "sha256"; })
  ];
in derivation {
  name = "uses-fixed";
  builder = "/bin/sh";
  system = "x86_64-linux";
  inputs = all;
}
