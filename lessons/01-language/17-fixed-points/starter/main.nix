let
  fix = f: let x = f x; in x;
  package = self: {
    pname = "hello";
    version = "2.12.1";
    fullName = "hello-2.12.1";
  };
in
{
  final = fix package;
  bumped = fix package;
}
