# groupBy of an empty list
builtins.groupBy (x: throw "never") [ ]
