# import of a directory
import ./lib/dir
