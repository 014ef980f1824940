# compareVersions with huge numbers
builtins.compareVersions "99999999999999999999999" "1"
