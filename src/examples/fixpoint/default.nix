# Fixed points: how nixpkgs lets a set refer to its own final value.
let
  # fix f = the x such that x == f x (lazily)
  fix = f: let x = f x; in x;

  # A "package set" written as a function of its final self
  base = self: {
    greeting = "hello";
    message = "${self.greeting}, world";
  };

  # extends layers a change on top; `super` is the set before it
  extends = overlay: f: self:
    let super = f self; in super // overlay self super;

  louder = self: super: { greeting = "HELLO"; };
in
{
  plain = fix base;
  # message follows the new greeting, because it reads it from `self`
  overridden = fix (extends louder base);
  # rec is the built-in, non-extensible version
  recursive = rec { a = 1; b = a + 1; c = b * 10; };
}
