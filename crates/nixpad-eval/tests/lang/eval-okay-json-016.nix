# toJSON and fromJSON round-trip
let v = { a = [ 1 2 { b = "c"; } ]; d = null; e = false; f = 0.5; }; in builtins.fromJSON (builtins.toJSON v) == v
