//! Where `<nixpkgs>` is when the search path (`-I`, `NIX_PATH`) does not say: the
//! nixpkgs-lite folder. `NIXPAD_NIXPKGS=/path/to/folder` chooses another; otherwise it is
//! the `nixpkgs-lite/` folder of the source tree this binary was built from.

use nixpad_eval::Settings;

/// The environment variable that overrides the built-in nixpkgs-lite folder.
pub const NIXPKGS_ENV: &str = "NIXPAD_NIXPKGS";

/// The nixpkgs-lite folder `<nixpkgs>` falls back to.
pub fn default_folder() -> String {
    if let Ok(dir) = std::env::var(NIXPKGS_ENV) {
        if !dir.is_empty() {
            return dir;
        }
    }
    let built_in = concat!(env!("CARGO_MANIFEST_DIR"), "/../../nixpkgs-lite");
    std::fs::canonicalize(built_in)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| built_in.to_string())
}

/// Adds `nixpkgs=FOLDER` as a built-in search-path entry: looked up after everything `-I`
/// and `NIX_PATH` gave (so only when they do not provide `<nixpkgs>`), and not listed in
/// `builtins.nixPath`, which stays what the user set, as in Nix.
pub fn add_default_entry(settings: &mut Settings) {
    settings
        .builtin_search_path
        .push(("nixpkgs".to_string(), default_folder()));
}

/// `nixpad nixpkgs pack -o FILE`: writes the embedded package set as the web app's
/// `nixpkgs.pack`.
pub fn main(args: &[String]) -> std::process::ExitCode {
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    let ["pack", "-o", file] = words.as_slice() else {
        eprintln!("error: usage: nixpad nixpkgs pack -o FILE");
        return std::process::ExitCode::from(1);
    };
    match std::fs::write(file, nixpad_pkgs::pack::pack()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: writing '{file}': {e}");
            std::process::ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_entry_comes_last_and_holds_the_package_set() {
        let mut settings = Settings::default();
        settings.add_nix_path("nixpkgs=/elsewhere");
        add_default_entry(&mut settings);
        assert_eq!(
            settings.nix_path,
            [("nixpkgs".to_string(), "/elsewhere".to_string())]
        );
        let (prefix, folder) = &settings.builtin_search_path[0];
        assert_eq!(prefix, "nixpkgs");
        if std::env::var(NIXPKGS_ENV).is_err() {
            assert!(
                std::path::Path::new(folder).join("default.nix").is_file(),
                "no default.nix in {folder}"
            );
        }
    }
}
