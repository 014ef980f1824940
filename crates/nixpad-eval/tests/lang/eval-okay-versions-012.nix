# parseDrvName with dashes in the name
map builtins.parseDrvName [ "hello-world-2.0" "hello" "a-" "-1" "a-b-c" "foo-1bar" ]
