# The @-binding on the left side holds the whole argument
(args@{ a, ... }: args) { a = 1; b = 2; }
