{
  setting = name: config: 8080;
  rename = from: to: set: { color = "red"; size = 2; };
  count = words: { is = 1; nix = 2; };
}
# setting = name: config: config.${name} or null;
# rename = from: to: set: builtins.removeAttrs set [ from ] // { ${to} = set.${from}; };
# count = words:
#   builtins.foldl' (acc: w: acc // { ${w} = (acc.${w} or 0) + 1; }) { } words;
