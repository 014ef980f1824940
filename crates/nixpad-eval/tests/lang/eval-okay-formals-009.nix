# The @-binding does not include defaulted attributes
(args@{ a ? 1, ... }: args) { }
