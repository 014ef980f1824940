# hashFile md5 and sha1 and sha512
map (a: builtins.hashFile a ./lib/store/hello.txt) [ "md5" "sha1" "sha512" ]
