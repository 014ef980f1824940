# typeOf of every kind of value
map builtins.typeOf [ 1 1.0 "a" /a true null [ ] { } (x: x) builtins.add (builtins.add 1) ]
