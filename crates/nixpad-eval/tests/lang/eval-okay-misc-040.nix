# typeOf of everything
map builtins.typeOf [ 1 1.5 "s" ./p true null [ ] { } (x: x) builtins.add ]
