# throw with a non-string message
throw 1
