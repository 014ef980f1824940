# __overrides in a rec set adds attributes and replaces static ones
rec { __overrides = { bar = "qux"; }; foo = "bar"; }
