# __overrides must be a set
rec { __overrides = 1; }
