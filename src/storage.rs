//! What survives a reload: the files (in localStorage) and the settings, as strings
//! this module writes and reads back. Anything else found there is refused with a reason.

use crate::protocol::FileEntry;
use crate::share;

/// localStorage key of the files.
pub const FILES_KEY: &str = "nixpad:files";
/// localStorage key of the settings.
pub const SETTINGS_KEY: &str = "nixpad:settings";

const FILES_TAG: &str = "nixpad-files-1";
const SETTINGS_TAG: &str = "nixpad-settings-1";

/// User settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Time limit for one evaluation, in milliseconds.
    pub timeout_ms: u32,
    /// Evaluate while typing (debounced).
    pub live: bool,
    /// Nix's experimental `ca-derivations` (content-addressed derivations).
    pub ca_derivations: bool,
}

impl Settings {
    /// The experimental features these settings turn on.
    pub fn experimental_features(&self) -> Vec<String> {
        if self.ca_derivations {
            vec!["ca-derivations".into()]
        } else {
            Vec::new()
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            timeout_ms: 5_000,
            live: false,
            ca_derivations: false,
        }
    }
}

/// The time limits offered, in milliseconds.
pub const TIMEOUTS: [u32; 6] = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000];

/// Saved form of the files and the name of the open one.
pub fn save_files(files: &[FileEntry], active: &str) -> Result<String, String> {
    let data = share::encode(files).map_err(|e| e.to_string())?;
    Ok(format!("{FILES_TAG};{active};{data}"))
}

/// Files and open file name from [`save_files`]'s output.
pub fn load_files(saved: &str) -> Result<(Vec<FileEntry>, String), String> {
    let mut parts = saved.splitn(3, ';');
    let (Some(FILES_TAG), Some(active), Some(data)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err("it was not written by this version of Nixpad".into());
    };
    let files = share::decode(data).map_err(|e| e.to_string())?;
    Ok((files, active.to_string()))
}

/// Saved form of the settings.
pub fn save_settings(s: &Settings) -> String {
    format!(
        "{SETTINGS_TAG};timeout={};live={};ca={}",
        s.timeout_ms,
        u8::from(s.live),
        u8::from(s.ca_derivations)
    )
}

/// Settings from [`save_settings`]'s output; unknown or bad fields keep their defaults.
pub fn load_settings(saved: &str) -> Result<Settings, String> {
    let mut parts = saved.split(';');
    if parts.next() != Some(SETTINGS_TAG) {
        return Err("settings were not written by this version of Nixpad".into());
    }
    let mut s = Settings::default();
    for part in parts {
        match part.split_once('=') {
            Some(("timeout", v)) => {
                if let Some(t) = v.parse::<u32>().ok().filter(|t| TIMEOUTS.contains(t)) {
                    s.timeout_ms = t;
                }
            }
            Some(("live", v)) => s.live = v == "1",
            Some(("ca", v)) => s.ca_derivations = v == "1",
            _ => {}
        }
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_round_trip_and_foreign_data_is_refused() {
        let files = vec![FileEntry {
            name: "default.nix".into(),
            text: "1\r\n".into(),
        }];
        let saved = save_files(&files, "default.nix").unwrap();
        assert_eq!(
            load_files(&saved).unwrap(),
            (files, "default.nix".to_string())
        );
        for bad in [
            "",
            "{\"files\":[]}",
            "nixpad-files-1;x",
            "nixpad-files-1;a;!!!",
            "nixpad-files-1;a;AAAA",
        ] {
            assert!(load_files(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn settings() {
        let s = Settings {
            timeout_ms: 10_000,
            live: true,
            ca_derivations: true,
        };
        assert_eq!(load_settings(&save_settings(&s)), Ok(s));
        assert_eq!(
            load_settings("nixpad-settings-1;timeout=7;junk").unwrap(),
            Settings::default()
        );
        assert!(load_settings("[1,2]").is_err());
    }
}
