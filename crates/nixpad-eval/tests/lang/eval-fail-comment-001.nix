# An unterminated block comment
1 /* never closed
