# Pattern functions returned from other functions
let mk = n: { x ? n }: x; in [ ((mk 1) { }) ((mk 1) { x = 2; }) ]
