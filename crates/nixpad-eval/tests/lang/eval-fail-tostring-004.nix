# __toString that is not a function
toString { __toString = 1; }
