# ''$ escape followed by an interpolation
''''$${"x"}''
