# The @-binding on the right side holds the whole argument
({ a, ... }@args: args.b) { a = 1; b = 2; }
