//! The editor's in-memory file tree: names, validation and edits.

use crate::protocol::FileEntry;

/// Most files a tree may hold.
pub const MAX_FILES: usize = 64;

/// Longest file name accepted.
pub const MAX_NAME: usize = 80;

/// Why a file name is refused.
pub fn validate_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("A file needs a name.".into());
    }
    if name.len() > MAX_NAME {
        return Err(format!("File names are at most {MAX_NAME} characters."));
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/' | '+')))
    {
        return Err(format!(
            "'{c}' is not allowed in a file name (use letters, digits, . _ - + and /)."
        ));
    }
    if name.starts_with('/')
        || name.ends_with('/')
        || name
            .split('/')
            .any(|s| s.is_empty() || s == "." || s == "..")
    {
        return Err("Use a relative name like lib/util.nix (no empty, . or .. parts).".into());
    }
    Ok(())
}

/// Checks a whole tree: at least one file, at most [`MAX_FILES`], valid and distinct names,
/// and no file that is also a directory of another.
pub fn validate_tree(files: &[FileEntry]) -> Result<(), String> {
    if files.is_empty() {
        return Err("there are no files".into());
    }
    if files.len() > MAX_FILES {
        return Err(format!("{} files (at most {MAX_FILES})", files.len()));
    }
    for (i, f) in files.iter().enumerate() {
        validate_name(&f.name).map_err(|e| format!("bad file name {:?}: {e}", f.name))?;
        for g in &files[..i] {
            if g.name == f.name {
                return Err(format!("two files are named {}", f.name));
            }
            if f.name.starts_with(&format!("{}/", g.name))
                || g.name.starts_with(&format!("{}/", f.name))
            {
                return Err(format!(
                    "{} and {} clash (a file cannot be a directory)",
                    g.name, f.name
                ));
            }
        }
    }
    Ok(())
}

/// A name not used yet in `files`: `new.nix`, `new-2.nix`, ...
pub fn fresh_name(files: &[FileEntry]) -> String {
    (1..)
        .map(|i| {
            if i == 1 {
                "new.nix".to_string()
            } else {
                format!("new-{i}.nix")
            }
        })
        .find(|n| files.iter().all(|f| &f.name != n))
        .unwrap_or_else(|| "new.nix".into())
}

/// `files` with `old` renamed to `new`, if that keeps the tree valid.
pub fn renamed(files: &[FileEntry], old: &str, new: &str) -> Result<Vec<FileEntry>, String> {
    validate_name(new)?;
    if old != new && files.iter().any(|f| f.name == new) {
        return Err(format!("There is already a file named {new}."));
    }
    let out: Vec<FileEntry> = files
        .iter()
        .map(|f| {
            if f.name == old {
                FileEntry {
                    name: new.to_string(),
                    text: f.text.clone(),
                }
            } else {
                f.clone()
            }
        })
        .collect();
    validate_tree(&out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(name: &str) -> FileEntry {
        FileEntry {
            name: name.into(),
            text: String::new(),
        }
    }

    #[test]
    fn names() {
        assert!(validate_name("default.nix").is_ok());
        assert!(validate_name("lib/util.nix").is_ok());
        for bad in [
            "", "/abs.nix", "a/../b", "a//b", "dir/", "x y", "<script>", "ü.nix", "./a",
        ] {
            assert!(validate_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn trees() {
        assert!(validate_tree(&[f("a.nix"), f("b.nix")]).is_ok());
        assert!(validate_tree(&[]).is_err());
        assert!(validate_tree(&[f("a.nix"), f("a.nix")]).is_err());
        assert!(validate_tree(&[f("lib"), f("lib/x.nix")]).is_err());
        assert_eq!(fresh_name(&[f("new.nix")]), "new-2.nix");
        assert!(renamed(&[f("a.nix"), f("b.nix")], "a.nix", "b.nix").is_err());
        assert_eq!(
            renamed(&[f("a.nix")], "a.nix", "c.nix").unwrap()[0].name,
            "c.nix"
        );
    }
}
