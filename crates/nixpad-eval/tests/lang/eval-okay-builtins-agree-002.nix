# fetchTree and getFlake need experimental features
[ (builtins ? fetchTree) (builtins ? getFlake) ]
