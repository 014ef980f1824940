# Selecting from an integer
(1).a
