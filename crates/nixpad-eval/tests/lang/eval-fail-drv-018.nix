# Missing system
derivation { name = "a"; builder = "x"; }
