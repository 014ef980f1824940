# __curPos file is the current file
baseNameOf __curPos.file
