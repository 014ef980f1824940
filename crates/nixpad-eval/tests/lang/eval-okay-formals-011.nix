# Defaults can look into extra attributes via the @-binding
({ a, b ? args.c or 9, ... }@args: b) { a = 5; c = 3; }
