# A string-literal dynamic name is usable in rec
rec { ${"a"} = 1; b = a; }
