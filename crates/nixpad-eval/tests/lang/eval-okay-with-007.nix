# rec attributes beat with-bindings
with { a = 1; }; rec { a = 5; b = a; }.b
