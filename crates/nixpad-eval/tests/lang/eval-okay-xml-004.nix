# Functions
builtins.toXML [ (x: x) ({ a, b ? 1, ... }: a) (args@{ a }: a) ({ b, a }@z: 1) ]
