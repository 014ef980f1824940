{
  lib = {
    type = "derivation";
    configureFlags = [ "--prefix=/1rz4g4znpzjwh1xymhjpm42vipw92pr73vdgl6xs1hycac8kf2n9" "--includedir=/02qcpld1y6xhs5gz9bchpxaw0xdhmsp5dv88lh25r2ss44kh8dxz/include" ];
    outPath = "/nix/store/k1kh0q3j45hhnkjianh2f0irf32clmm2-lib";
    drvPath = "/nix/store/4zp49pklxkrnxm4srkzfq6s689brizn4-lib.drv";
  };
}

# The real solution:
# {
#   lib = derivation {
#     name = "lib";
#     system = "x86_64-linux";
#     builder = "/bin/sh";
#     outputs = [ "out" "dev" ];
#     configureFlags = [
#       "--prefix=${builtins.placeholder "out"}"
#       "--includedir=${builtins.placeholder "dev"}/include"
#     ];
#     args = [ "-c" "echo $configureFlags > $out; mkdir -p $dev" ];
#   };
# }
