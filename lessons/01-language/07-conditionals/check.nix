{ files, ... }:
let m = files."main.nix"; in
[
  { name = "size of 42 is \"medium\""; expected = "medium"; actual = m.size or null; hint = 2; }
  { name = "settings are the defaults with the overrides"; expected = { port = 8080; host = "localhost"; debug = true; };
    actual = m.settings or null; hint = 1; }
  { name = "isValid is true"; expected = true; actual = m.isValid or null; hint = 1; }
]
