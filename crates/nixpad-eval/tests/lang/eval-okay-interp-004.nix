# __toString receives the set itself
let s = { name = "n"; __toString = self: "<" + self.name + ">"; }; in "${s}"
