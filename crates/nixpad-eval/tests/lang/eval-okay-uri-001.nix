# URI literals are strings
[ http://example.org/a/b https://nixos.org/ ftp://x.y/z ]
