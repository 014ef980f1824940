# Empty pattern accepts an empty set
({ }: "empty") { }
