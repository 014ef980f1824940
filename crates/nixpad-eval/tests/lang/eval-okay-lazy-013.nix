# // does not evaluate values
({ a = throw "l"; } // { b = 1; }).b
