# Strings with quotes and backslashes print escaped
builtins.concatStringsSep "" [ "\"" "\\" "\"" ]
