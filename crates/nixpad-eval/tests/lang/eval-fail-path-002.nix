# import of an absolute path that does not exist
import /nixpad-nonexistent/x.nix
