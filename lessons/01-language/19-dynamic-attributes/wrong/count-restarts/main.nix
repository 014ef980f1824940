{
  setting = name: config: config.${name} or null;

  rename = from: to: set: builtins.removeAttrs set [ from ] // { ${to} = set.${from}; };

  count = words: builtins.foldl' (acc: w: acc // { ${w} = 1; }) { } words;
}
