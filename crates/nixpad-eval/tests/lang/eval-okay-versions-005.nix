# compareVersions with rc
builtins.compareVersions "1.0-rc1" "1.0"
