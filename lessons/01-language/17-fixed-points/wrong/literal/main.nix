{ bumped = { fullName = "hello-3.0"; pname = "hello"; version = "3.0"; }; final = { fullName = "hello-2.12.1"; pname = "hello"; version = "2.12.1"; }; }

# The real solution:
# let
#   fix = f: let x = f x; in x;
#   package = self: {
#     pname = "hello";
#     version = "2.12.1";
#     fullName = "${self.pname}-${self.version}";
#   };
# in
# {
#   final = fix package;
#   bumped = fix (self: package self // { version = "3.0"; });
# }
