# compareVersions needs strings
builtins.compareVersions "1" 1
