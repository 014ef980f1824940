# A trailing slash on a path literal is an error
/a/b/
