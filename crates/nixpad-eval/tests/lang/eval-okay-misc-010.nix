# warn returns its second argument
builtins.warn "careful" 42
