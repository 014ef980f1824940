# An attribute defined as itself in rec
rec { a = a; }.a
