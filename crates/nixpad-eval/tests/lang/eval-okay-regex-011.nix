# split without groups
builtins.split "," "a,b,,c"
