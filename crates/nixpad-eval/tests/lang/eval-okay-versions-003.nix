# compareVersions with pre
map (p: builtins.compareVersions (builtins.elemAt p 0) (builtins.elemAt p 1)) [ [ "2.3pre1" "2.3" ] [ "2.3" "2.3pre1" ] [ "2.3pre1" "2.3pre2" ] [ "pre" "a" ] [ "a" "pre" ] ]
