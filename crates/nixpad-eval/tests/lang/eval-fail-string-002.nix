# An unterminated string is a syntax error
"abc
