# abort with a message
abort "stop here"
