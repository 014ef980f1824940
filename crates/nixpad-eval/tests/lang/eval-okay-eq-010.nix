# Sets with __toString are compared structurally, not by string
{ __toString = s: "x"; } == { __toString = s: "x"; }
