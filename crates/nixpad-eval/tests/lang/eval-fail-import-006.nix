# import of a non-path value
import 42
