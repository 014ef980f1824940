# An undefined variable
x
