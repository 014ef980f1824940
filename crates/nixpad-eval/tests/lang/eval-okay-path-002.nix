# Paths are normalised: . and .. components are resolved
[ /a/./b /a/../b /a/b/../../c ]
