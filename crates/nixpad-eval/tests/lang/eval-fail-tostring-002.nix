# toString of a list containing a set
toString [ 1 { } ]
