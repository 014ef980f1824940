# toJSON of a path copies it
builtins.toJSON ./lib/store/hello.txt
