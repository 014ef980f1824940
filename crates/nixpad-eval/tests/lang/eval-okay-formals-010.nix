# Defaults can refer to the @-binding
(args@{ a, b ? args.a }: b) { a = 5; }
