# readFile
builtins.readFile ./lib/store/hello.txt
