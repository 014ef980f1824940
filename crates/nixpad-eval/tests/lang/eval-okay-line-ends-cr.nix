# Lines end at \n, \r\n or a bare \r, as in Nix: positions count them all.let  a = 1;
  b = { x = 1; y = 2; };
  p = builtins.unsafeGetAttrPos "y" b;
in [ p.line p.column __curPos.line __curPos.column "ab" ]
