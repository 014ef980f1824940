# groupBy keeps the original order within groups
builtins.groupBy (s: builtins.substring 0 1 s) [ "apple" "bean" "avocado" "banana" "cherry" ]
