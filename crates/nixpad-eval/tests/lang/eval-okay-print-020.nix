# Nested empty containers and null inside sets
{ a = { }; b = [ ]; c = null; d = [ { } [ ] ]; }
