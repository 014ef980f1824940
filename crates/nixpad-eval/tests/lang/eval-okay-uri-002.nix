# URIs with query strings; # starts a comment
[ http://x.y/z?a=b&c=d#comment
]
