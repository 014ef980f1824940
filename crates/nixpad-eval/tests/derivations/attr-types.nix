# Extra attributes of every type, as environment variables.
let dep = derivation { name = "dep"; builder = "/bin/sh"; system = "x86_64-linux"; };
in derivation {
  name = "attr-types";
  builder = "/bin/sh";
  system = "x86_64-linux";
  args = [ "-c" "echo $out" 42 true ];
  anInt = 42;
  negative = -7;
  aFloat = 3.25;
  smallFloat = 0.000001;
  yes = true;
  no = false;
  nothing = null;
  list = [ 1 "two" [ 3 [ ] 4 ] null false 2.5 ];
  emptyList = [ ];
  escapes = "quote \" backslash \\ newline \n tab \t cr \r dollar \${x}";
  unicode = "héllo ☃";
  path = ./source.txt;
  dir = ./srcdir;
  interpolatedPath = "${./source.txt}";
  drv = dep;
  drvList = [ dep dep.outPath ];
  withOutPath = { outPath = "/some/where"; };
  withToString = { __toString = self: "custom"; };
  placeholderOut = builtins.placeholder "out";
}
