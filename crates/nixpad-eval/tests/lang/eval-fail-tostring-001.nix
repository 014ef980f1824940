# toString of a plain attribute set
toString { a = 1; }
