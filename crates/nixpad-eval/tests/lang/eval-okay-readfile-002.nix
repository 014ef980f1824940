# readFile of a string path
builtins.stringLength (builtins.readFile "${toString ./lib/store/hello.txt}")
