# POSIX character classes
[ (builtins.match "[[:digit:]]+" "123") (builtins.match "[[:alpha:]]+([[:space:]])" "ab ") ]
