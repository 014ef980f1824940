# Two bodies after in
let a = 1; in a a;
