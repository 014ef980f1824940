# throw with a message
throw "this is the message"
