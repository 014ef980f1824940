# Applying a lambda
(x: x * 2) 21
