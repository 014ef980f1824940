{
  lib = derivation {
    name = "lib";
    system = "x86_64-linux";
    builder = "/bin/sh";
    outputs = [ "out" "dev" ];
    configureFlags = [
      "--prefix=${builtins.placeholder "out"}"
      "--includedir=${builtins.placeholder "out"}/include"
    ];
    args = [ "-c" "echo $configureFlags > $out; mkdir -p $dev" ];
  };
}
