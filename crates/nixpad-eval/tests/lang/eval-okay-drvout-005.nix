# odd but valid output names
map (o: builtins.attrNames (derivationStrict { name = "foo"; builder = 1; system = 1; outputs = o; })) [ [ "foo.drv" ] [ ".x" "-x" ] [ "a?b" "a=b" ] "a b" [ "." "..." ] ]
