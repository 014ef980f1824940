# abort with a non-string message
abort { a = 1; }
