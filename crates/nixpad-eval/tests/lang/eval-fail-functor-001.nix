# Calling a set without __functor
{ a = 1; } 2
