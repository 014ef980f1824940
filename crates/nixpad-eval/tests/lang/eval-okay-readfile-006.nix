# readFileType
map builtins.readFileType [ ./lib/store/hello.txt ./lib/store/tree ]
