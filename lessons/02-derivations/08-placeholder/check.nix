{ files, ... }:
let
  lib = files."main.nix".lib or null;
  get = attr: if builtins.isAttrs lib then lib.${attr} or null else null;
in
[
  { name = "the prefix is out's placeholder";
    expected = "--prefix=/1rz4g4znpzjwh1xymhjpm42vipw92pr73vdgl6xs1hycac8kf2n9";
    actual = let f = get "configureFlags"; in if builtins.isList f && f != [ ] then builtins.head f else f; hint = 1; }
  { name = "configureFlags are the two flags with placeholders";
    expected = [ "--prefix=/1rz4g4znpzjwh1xymhjpm42vipw92pr73vdgl6xs1hycac8kf2n9" "--includedir=/02qcpld1y6xhs5gz9bchpxaw0xdhmsp5dv88lh25r2ss44kh8dxz/include" ];
    actual = get "configureFlags"; hint = 2; }
  { name = "lib's outPath is the one real Nix computes"; expected = "/nix/store/k1kh0q3j45hhnkjianh2f0irf32clmm2-lib";
    actual = get "outPath"; hint = 2; }
  { name = "lib's drvPath is the one real Nix computes"; expected = "/nix/store/4zp49pklxkrnxm4srkzfq6s689brizn4-lib.drv";
    actual = get "drvPath"; hint = 2; }
]
