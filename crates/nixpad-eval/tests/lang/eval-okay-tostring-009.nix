# toString of a URI literal
toString http://example.org/x
