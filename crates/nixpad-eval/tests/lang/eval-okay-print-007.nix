# A set containing itself
rec { a = { b = a; }; }
