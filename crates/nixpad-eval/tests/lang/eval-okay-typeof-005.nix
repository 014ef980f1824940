# typeOf does not force lazy contents
builtins.typeOf [ (throw "never") ]
