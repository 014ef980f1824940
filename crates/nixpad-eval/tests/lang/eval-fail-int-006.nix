# An integer literal larger than the maximum is rejected by the lexer
9223372036854775808
