# -> has the lowest precedence of the binary operators
[ (true || false -> false) (false -> true && false) ]
