# if only evaluates the taken branch
if true then "yes" else throw "never"
