# Adding a Boolean to a string
"a" + true
