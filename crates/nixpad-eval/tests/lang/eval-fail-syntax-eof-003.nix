# an interpolation left open in a string wants its brace
"a${"b"
