# Attribute set of functions calling each other through a self argument
let
  mk = self: { double = x: x * 2; quad = x: self.double (self.double x); };
  obj = let self = mk self; in self;
in obj.quad 5
