# Attribute set with a function value prints LAMBDA
{ f = x: x; g = builtins.head; }
