//! Path strings: canonicalisation as Nix does it (no filesystem access).

/// Removes `.`, `..`, repeated and trailing slashes from an absolute path.
pub fn canonicalise(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    if parts.is_empty() {
        "/".to_string()
    } else {
        let mut out = String::with_capacity(path.len());
        for p in parts {
            out.push('/');
            out.push_str(p);
        }
        out
    }
}

/// `builtins.baseNameOf` on a path or string.
pub fn base_name(path: &str) -> &str {
    let trimmed = path.strip_suffix('/').unwrap_or(path);
    match trimmed.rfind('/') {
        Some(i) => &trimmed[i + 1..],
        None => trimmed,
    }
}

/// `builtins.dirOf` on a string: everything before the last `/`, without trailing slashes.
pub fn dir_name(path: &str) -> &str {
    match path.rfind('/') {
        Some(i) => {
            let dir = path[..i].trim_end_matches('/');
            if !dir.is_empty() {
                dir
            } else if path.bytes().all(|b| b == b'/') {
                // As in Nix, a string of slashes alone is its own directory.
                path
            } else {
                "/"
            }
        }
        None => ".",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_forms() {
        assert_eq!(canonicalise("/a/./b//c/../d/"), "/a/b/d");
        assert_eq!(canonicalise("/.."), "/");
        assert_eq!(canonicalise("/"), "/");
        assert_eq!(base_name("/a/b/"), "b");
        assert_eq!(dir_name("/a/b"), "/a");
        assert_eq!(dir_name("a//b"), "a");
        assert_eq!(dir_name("//"), "//");
        assert_eq!(dir_name("//a"), "/");
        assert_eq!(dir_name("a/b/"), "a/b");
        assert_eq!(dir_name("/a"), "/");
        assert_eq!(dir_name("a"), ".");
    }
}
