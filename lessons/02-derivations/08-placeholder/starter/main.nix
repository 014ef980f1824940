{
  lib = derivation {
    name = "lib";
    system = "x86_64-linux";
    builder = "/bin/sh";
    outputs = [ "out" "dev" ];
    configureFlags = [ "--prefix=/usr/local" "--includedir=/usr/local/include" ];
    args = [ "-c" "echo $configureFlags > $out; mkdir -p $dev" ];
  };
}
