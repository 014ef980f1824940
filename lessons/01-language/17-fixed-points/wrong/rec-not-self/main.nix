let
  fix = f: let x = f x; in x;
  package = self: rec {
    pname = "hello";
    version = "2.12.1";
    fullName = "${pname}-${version}";
  };
in
{
  final = fix package;
  bumped = fix (self: package self // { version = "3.0"; });
}
