# Builtins compare unequal directly
[ (builtins.add == builtins.add) (builtins.head == builtins.head) ]
