# throw with an attribute set with __toString
throw { __toString = s: "from toString"; }
