# A fixed-output derivation: its output is known by hash in advance
# (this is how fetchers download sources). Changing the builder keeps
# the output path; changing the hash changes it.
derivation {
  name = "source.txt";
  system = "x86_64-linux";
  builder = "/bin/sh";
  args = [ "-c" "echo hello > $out" ];
  outputHashMode = "flat";
  outputHashAlgo = "sha256";
  outputHash = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
}
