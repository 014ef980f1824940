# An attribute set with __toString can be interpolated
"v=${ { __toString = self: "X"; } }"
