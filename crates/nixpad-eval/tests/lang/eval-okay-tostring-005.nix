# toString of a set with __toString
toString { __toString = s: "custom"; }
