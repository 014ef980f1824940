# Nested arrays of tables
builtins.fromTOML "[[a]]\nb=1\n[a.c]\nd=2\n[[a]]\nb=3\n[[a.e]]\nf=4"
