# baseNameOf of a URI string
baseNameOf http://example.org/a/b.tar.gz
