# An unclosed parenthesis
(1
