# Unary minus on a Boolean fails inside sub
-true
