# ? on a set returned by a function
(x: { inherit x; }) 1 ? x
