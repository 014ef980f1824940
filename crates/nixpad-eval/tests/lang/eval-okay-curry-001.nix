# Curried builtins
let addTo = builtins.add 100; in map addTo [ 1 2 3 ]
