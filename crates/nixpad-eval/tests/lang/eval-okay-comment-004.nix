# Comment-like text inside strings is kept
[ "# not a comment" "/* nor this */" ''# also not'' ]
