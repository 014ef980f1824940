# toString of an absolute path literal
[ (toString /a/b) (toString /a/../c) ]
