# A pattern function called with a non-set
({ a }: a) 1
