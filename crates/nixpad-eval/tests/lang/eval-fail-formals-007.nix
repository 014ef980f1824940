# The @-name may not duplicate a formal
(a@{ a }: a) { a = 1; }
