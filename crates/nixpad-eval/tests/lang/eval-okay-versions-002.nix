# compareVersions with letters
map (p: builtins.compareVersions (builtins.elemAt p 0) (builtins.elemAt p 1)) [ [ "2.3.1" "2.3a" ] [ "2.3a" "2.3.1" ] [ "2.3" "2.3a" ] [ "2.3a" "2.3b" ] ]
