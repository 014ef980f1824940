# An @-pattern needs braces on one side
x@y: 1
