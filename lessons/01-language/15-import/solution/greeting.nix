{ name }: "Hello, ${name}!"
