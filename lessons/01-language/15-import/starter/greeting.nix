"Hello, world!"
