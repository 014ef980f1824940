{
  lib = derivation {
    name = "lib";
    system = "x86_64-linux";
    builder = "/bin/sh";
    outputs = [ "out" "dev" ];
    configureFlags = [
      "--prefix=$out"
      "--includedir=${builtins.placeholder "dev"}/include"
    ];
    args = [ "-c" "echo $configureFlags > $out; mkdir -p $dev" ];
  };
}
