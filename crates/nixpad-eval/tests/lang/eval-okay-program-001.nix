# A fixpoint with overlays, as package sets do it
let
  fix = f: let x = f x; in x;
  extends = overlay: base: self: let super = base self; in super // overlay self super;
  base = self: { a = 1; b = self.a + 10; };
  overlay1 = self: super: { a = 2; };
  overlay2 = self: super: { c = super.b * 2; };
in fix (extends overlay2 (extends overlay1 base))
