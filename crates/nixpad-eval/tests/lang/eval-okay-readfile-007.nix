# pathExists
map builtins.pathExists [ ./lib/store/hello.txt ./lib/store/tree ./lib/store/missing ]
