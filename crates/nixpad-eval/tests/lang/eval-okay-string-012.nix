# Tabs and carriage returns round-trip through the printer
"a	bc"
