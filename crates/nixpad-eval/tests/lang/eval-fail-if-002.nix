# null is not a Boolean condition
if null then 1 else 2
