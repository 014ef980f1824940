# an unterminated string wants its closing quote
"abc
