{
  # setting "port" { port = 8080; }   gives 8080
  # setting "host" { port = 8080; }   gives null
  setting = name: config: config.${name} or null;

  # rename "colour" "color" { colour = "red"; size = 2; }   gives { color = "red"; size = 2; }
  rename = from: to: set: builtins.removeAttrs set [ from ] // { ${to} = set.${from}; };

  # count [ "nix" "is" "nix" ]   gives { is = 1; nix = 2; }
  count = words:
    builtins.foldl' (acc: w: acc // { ${w} = (acc.${w} or 0) + 1; }) { } words;
}
