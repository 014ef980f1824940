# head is not a global name
head [ 1 ]
