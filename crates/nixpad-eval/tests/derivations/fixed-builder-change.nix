# A fixed-output derivation's users do not change when its builder changes.
let
  fod = builder: derivation { name = "src"; inherit builder; system = "x86_64-linux"; outputHash = "sha256-LCa0a2j/xo/5m0U8HTBBNBNCLXBkg7+g+YpeiGJm564="; };
in derivation {
  name = "user";
  builder = "/bin/sh";
  system = "x86_64-linux";
  a = fod "/bin/sh";
  b = fod "/bin/bash";
}
