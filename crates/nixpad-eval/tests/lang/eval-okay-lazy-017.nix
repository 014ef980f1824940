# The strict printer forces nested values
{ a = [ { b = 1 + 1; } ]; }
