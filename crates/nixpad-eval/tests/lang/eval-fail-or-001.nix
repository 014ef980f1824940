# or does not catch a throw in an existing attribute
{ a = throw "inside"; }.a or 1
