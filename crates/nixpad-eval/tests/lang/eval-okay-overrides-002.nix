# an overridden attribute is what the other attributes of the rec set see
rec { __overrides = { a = 2; }; x = a; a = 1; }.x
