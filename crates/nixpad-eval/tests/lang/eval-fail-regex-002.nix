# Perl-style \d is not supported
builtins.match "\\d+" "123"
