{ files, check, ... }:
let
  m = files."main.nix";
  setting = check.call (check.attr m "setting");
  rename = check.call (check.attr m "rename");
  count = check.call (check.attr m "count");
in
[
  {
    name = "setting \"cores\" { cores = 8; jobs = 2; } is 8";
    expected = 8;
    actual = setting [ "cores" { cores = 8; jobs = 2; } ];
    hint = 1;
  }
  {
    name = "setting \"jobs\" { name = \"x\"; } is null";
    expected = null;
    actual = setting [ "jobs" { name = "x"; } ];
    hint = 2;
  }
  {
    name = "setting works for a name it has never seen";
    expected = [ "blue" true ];
    actual = [ (setting [ "sky" { sky = "blue"; sea = "green"; } ]) (setting [ "x-y" { "x-y" = true; } ]) ];
    hint = 1;
  }
  {
    name = "rename \"src\" \"source\" { src = \"a\"; pname = \"b\"; }";
    expected = { source = "a"; pname = "b"; };
    actual = rename [ "src" "source" { src = "a"; pname = "b"; } ];
    hint = 2;
  }
  {
    name = "rename keeps the other attributes and their values";
    expected = { b = 2; c = { d = 3; }; z = 1; };
    actual = rename [ "a" "z" { a = 1; b = 2; c = { d = 3; }; } ];
    hint = 2;
  }
  {
    name = "count [ \"a\" \"b\" \"a\" \"c\" \"a\" ]";
    expected = { a = 3; b = 1; c = 1; };
    actual = count [ [ "a" "b" "a" "c" "a" ] ];
    hint = 3;
  }
  {
    name = "count [ ] is { }";
    expected = { };
    actual = count [ [ ] ];
    hint = 3;
  }
]
