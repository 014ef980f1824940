# Empty set and set equality ignores order
[ { } ({ a = 1; b = 2; } == { b = 2; a = 1; }) ({ a = 1; } == { a = 1; b = 2; }) ({ } == { }) ]
