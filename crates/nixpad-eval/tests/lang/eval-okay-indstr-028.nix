# Three quotes then two: the quote escape at the end
''a'''''
