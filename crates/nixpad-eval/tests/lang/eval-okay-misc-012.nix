# traceVerbose returns its second argument
builtins.traceVerbose "x" 3
