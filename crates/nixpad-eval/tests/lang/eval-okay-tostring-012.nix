# toString of a list containing sets with __toString
toString [ { __toString = s: "x"; } "y" ]
