# readFile of a relative string
builtins.readFile "hello.txt"
