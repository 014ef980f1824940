# Inner rec shadows outer rec names
rec { a = 1; b = rec { a = 2; c = a; }; }.b.c
