# fetchurl.nix makes the fixed-output derivation Nix makes, for each way of giving the hash
let f = import <nix/fetchurl.nix>; in map (a: (f ({ url = "http://a/b.tar"; } // a)).drvPath) [
  { sha256 = "0000000000000000000000000000000000000000000000000000"; }
  { hash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="; }
  { sha1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709"; unpack = true; }
  { md5 = "d41d8cd98f00b204e9800998ecf8427e"; executable = true; name = "x"; }
  { sha512 = "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"; }
]
