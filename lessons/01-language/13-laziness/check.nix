{ files, ... }:
let m = files."main.nix"; in
[
  { name = "names are broken, hello and jq"; expected = [ "broken" "hello" "jq" ]; actual = m.names; hint = 1; }
  { name = "count is 3"; expected = 3; actual = m.count; hint = 1; }
  { name = "working is hello and jq"; expected = { hello = "hello-2.12"; jq = "jq-1.7"; }; actual = m.working; hint = 2; }
]
