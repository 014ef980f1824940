# urllib3 without its test suite (doCheck = false), for every Python package that uses it
# (requests among them).
final: prev: {
}
