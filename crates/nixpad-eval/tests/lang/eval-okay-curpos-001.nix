# __curPos gives line and column
[ __curPos.line __curPos.column ]
