{
  # setting "port" { port = 8080; }   gives 8080
  # setting "host" { port = 8080; }   gives null
  setting = name: config: null;

  # rename "colour" "color" { colour = "red"; size = 2; }   gives { color = "red"; size = 2; }
  rename = from: to: set: set;

  # count [ "nix" "is" "nix" ]   gives { is = 1; nix = 2; }
  count = words: { };
}
