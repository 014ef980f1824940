# The condition must be a Boolean
if 1 then 2 else 3
