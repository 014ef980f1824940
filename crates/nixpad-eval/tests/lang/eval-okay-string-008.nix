# The printer escapes a dollar-brace sequence as \${
[ ("$" + "{") ("a$" + "{b}") ]
