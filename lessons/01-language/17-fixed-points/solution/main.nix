let
  fix = f: let x = f x; in x;
  package = self: {
    pname = "hello";
    version = "2.12.1";
    fullName = "${self.pname}-${self.version}";
  };
in
{
  final = fix package;
  bumped = fix (self: package self // { version = "3.0"; });
}
