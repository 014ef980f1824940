# getAttr with a computed name
let s = { foo-bar = "x"; }; in builtins.getAttr ("foo" + "-" + "bar") s
