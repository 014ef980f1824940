# Calling a string
"f" 1
