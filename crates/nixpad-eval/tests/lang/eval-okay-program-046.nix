# Text templating with replaceStrings
builtins.replaceStrings [ "@name@" "@version@" ] [ "hello" "2.12" ] "@name@-@version@.tar.gz (@name@)"
