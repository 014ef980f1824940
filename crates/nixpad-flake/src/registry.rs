//! The registry of virtual flakes: what `nixpkgs`, `github:NixOS/nixpkgs`,
//! `flake-utils` … resolve to without a network. Each is a set of files shipped with the
//! app (nixpkgs is nixpkgs-lite) under the GitHub repository real Nix would fetch.

use std::collections::BTreeMap;

use nixpad_eval::store::{self, HashAlgo};
use serde_json::Value as Json;

use crate::reference::Attrs;

/// A flake shipped with the app.
#[derive(Clone, Debug)]
pub struct VirtualFlake {
    /// Its registry name (`nixpkgs`).
    pub id: String,
    /// The GitHub owner and repository it stands for (`NixOS`, `nixpkgs`).
    pub owner: String,
    /// See `owner`.
    pub repo: String,
    /// The branch the registry name points to, if any (`nixpkgs-unstable`).
    pub default_ref: Option<String>,
    /// One line on what it is.
    pub description: String,
    /// Its files: relative path → bytes.
    pub files: BTreeMap<String, Vec<u8>>,
}

/// The built-in virtual flakes and any added by a lesson or the user.
#[derive(Clone, Debug)]
pub struct Registry {
    /// Every virtual flake, by registry name.
    pub flakes: Vec<VirtualFlake>,
    /// The user's entries (`nix registry add FROM TO`), consulted before the virtual
    /// flakes: `flake:FROM` (with its `ref`, if the entry has one) means `TO`.
    pub user: Vec<Redirect>,
}

/// A user registry entry: an indirect reference and what it stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct Redirect {
    /// `{ type = "indirect"; id; ref?; }`.
    pub from: Attrs,
    /// Any reference: `path:…`, `github:…`, another `flake:…`.
    pub to: Attrs,
}

/// The modification time every virtual flake reports (2024-12-01T00:00:00Z).
pub const VIRTUAL_LAST_MODIFIED: i64 = 1_733_011_200;

fn files_of(list: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
    list.iter()
        .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec()))
        .collect()
}

impl Default for Registry {
    fn default() -> Self {
        Registry::builtin()
    }
}

impl Registry {
    /// The built-in registry: nixpkgs (nixpkgs-lite), flake-utils, systems, flake-parts,
    /// rust-overlay, templates.
    pub fn builtin() -> Registry {
        Registry::with_nixpkgs(
            nixpad_pkgs::files()
                .iter()
                .map(|(p, b)| (p.to_string(), b.to_vec()))
                .collect(),
        )
    }

    /// The built-in registry with nixpkgs-lite's files given by the caller (the web app
    /// loads them from a pack: the binary does not embed them).
    pub fn with_nixpkgs(mut nixpkgs: BTreeMap<String, Vec<u8>>) -> Registry {
        nixpkgs.insert(
            "flake.nix".into(),
            include_bytes!("../virtual/nixpkgs/flake.nix").to_vec(),
        );
        let flake = |id: &str,
                     owner: &str,
                     repo: &str,
                     default_ref: Option<&str>,
                     description: &str,
                     files| VirtualFlake {
            id: id.into(),
            owner: owner.into(),
            repo: repo.into(),
            default_ref: default_ref.map(str::to_string),
            description: description.into(),
            files,
        };
        Registry {
            user: Vec::new(),
            flakes: vec![
                flake(
                    "nixpkgs",
                    "NixOS",
                    "nixpkgs",
                    Some("nixpkgs-unstable"),
                    "nixpkgs-lite, the miniature nixpkgs",
                    nixpkgs,
                ),
                flake(
                    "flake-utils",
                    "numtide",
                    "flake-utils",
                    None,
                    "flake-utils-lite: eachDefaultSystem, eachSystem, mkApp",
                    files_of(&[
                        (
                            "flake.nix",
                            include_str!("../virtual/flake-utils/flake.nix"),
                        ),
                        ("lib.nix", include_str!("../virtual/flake-utils/lib.nix")),
                    ]),
                ),
                flake(
                    "systems",
                    "nix-systems",
                    "default",
                    None,
                    "the list of default systems",
                    files_of(&[
                        ("flake.nix", include_str!("../virtual/systems/flake.nix")),
                        (
                            "default.nix",
                            include_str!("../virtual/systems/default.nix"),
                        ),
                    ]),
                ),
                flake(
                    "flake-parts",
                    "hercules-ci",
                    "flake-parts",
                    None,
                    "flake-parts-lite: mkFlake with systems and perSystem",
                    files_of(&[
                        (
                            "flake.nix",
                            include_str!("../virtual/flake-parts/flake.nix"),
                        ),
                        (
                            "mk-flake.nix",
                            include_str!("../virtual/flake-parts/mk-flake.nix"),
                        ),
                    ]),
                ),
                flake(
                    "rust-overlay",
                    "oxalica",
                    "rust-overlay",
                    None,
                    "rust-overlay-lite: rust-bin.CHANNEL.VERSION.PROFILE toolchains",
                    files_of(&[
                        (
                            "flake.nix",
                            include_str!("../virtual/rust-overlay/flake.nix"),
                        ),
                        (
                            "overlay.nix",
                            include_str!("../virtual/rust-overlay/overlay.nix"),
                        ),
                    ]),
                ),
                flake(
                    "templates",
                    "NixOS",
                    "templates",
                    None,
                    "templates for nixpad flake init: trivial, utils, shell",
                    files_of(&[
                        ("flake.nix", include_str!("../virtual/templates/flake.nix")),
                        (
                            "trivial/flake.nix",
                            include_str!("../virtual/templates/trivial/flake.nix"),
                        ),
                        (
                            "utils/flake.nix",
                            include_str!("../virtual/templates/utils/flake.nix"),
                        ),
                        (
                            "shell/flake.nix",
                            include_str!("../virtual/templates/shell/flake.nix"),
                        ),
                    ]),
                ),
            ],
        }
    }

    /// Adds (or replaces) a virtual flake, as `nix registry add` adds an entry.
    pub fn add(&mut self, flake: VirtualFlake) {
        self.flakes.retain(|f| f.id != flake.id);
        self.flakes.push(flake);
    }

    /// Adds a user entry as `nix registry add FROM TO` does (replacing one for the same
    /// `FROM`); `FROM` must be a registry name (`foo`, `nixpkgs/dev`).
    pub fn add_user(&mut self, from: &str, to: &str) -> Result<(), String> {
        let from_attrs = crate::reference::parse_url(from)?;
        if from_attrs.get("type").and_then(Json::as_str) != Some("indirect") {
            return Err(format!(
                "'{from}' is not a registry name (such as 'nixpkgs' or 'nixpkgs/dev')"
            ));
        }
        let to = crate::reference::parse_url(to)?;
        self.user.retain(|r| r.from != from_attrs);
        self.user.push(Redirect {
            from: from_attrs,
            to,
        });
        Ok(())
    }

    /// Removes the user entries for `FROM`, as `nix registry remove`; whether there was one.
    pub fn remove_user(&mut self, from: &str) -> Result<bool, String> {
        let from = crate::reference::parse_url(from)?;
        let before = self.user.len();
        self.user.retain(|r| r.from != from);
        Ok(self.user.len() != before)
    }

    /// Reads the user's entries from a registry file in Nix's format (`registry.json`,
    /// version 2), replacing the ones held; the error names what is wrong.
    pub fn read_user_json(&mut self, text: &str) -> Result<(), String> {
        let json: Json =
            serde_json::from_str(text).map_err(|e| format!("the registry is not JSON: {e}"))?;
        let version = json.get("version").and_then(Json::as_i64);
        if version != Some(2) {
            return Err(format!(
                "unsupported registry version {}",
                json.get("version")
                    .map(Json::to_string)
                    .unwrap_or("(none)".into())
            ));
        }
        let entries = json
            .get("flakes")
            .and_then(Json::as_array)
            .ok_or("the registry has no 'flakes' list")?;
        let mut user = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let attrs = |key: &str| -> Result<Attrs, String> {
                let a = e
                    .get(key)
                    .and_then(Json::as_object)
                    .cloned()
                    .ok_or(format!("registry entry {} has no '{key}' set", i + 1))?;
                crate::reference::check_attrs(&a)
                    .map_err(|m| format!("registry entry {}: {m}", i + 1))?;
                Ok(a)
            };
            user.push(Redirect {
                from: attrs("from")?,
                to: attrs("to")?,
            });
        }
        self.user = user;
        Ok(())
    }

    /// The user's entries as Nix writes `registry.json`.
    pub fn user_json(&self) -> String {
        let flakes: Vec<Json> = self
            .user
            .iter()
            .map(|r| serde_json::json!({ "from": r.from, "to": r.to }))
            .collect();
        let mut text = serde_json::to_string_pretty(&serde_json::json!({
            "flakes": flakes,
            "version": 2,
        }))
        .unwrap_or_default();
        text.push('\n');
        text
    }

    /// What a reference stands for after the user's entries: an indirect `flake:ID`
    /// (or `flake:ID/REF`) with an entry becomes the entry's target (the input's `ref`
    /// carried over when the target has none); anything else is returned as it is.
    /// Entries may chain; a cycle stops after a few steps.
    pub fn resolve(&self, original: &Attrs) -> Attrs {
        let mut current = original.clone();
        for _ in 0..16 {
            if current.get("type").and_then(Json::as_str) != Some("indirect") {
                break;
            }
            let id = current.get("id").cloned();
            let wanted_ref = current.get("ref").cloned();
            let entry = self.user.iter().find(|r| r.from == current).or_else(|| {
                self.user
                    .iter()
                    .find(|r| r.from.get("id") == id.as_ref() && !r.from.contains_key("ref"))
            });
            let Some(entry) = entry else { break };
            let mut next = entry.to.clone();
            if let Some(r) = wanted_ref.filter(|_| !entry.from.contains_key("ref")) {
                if !next.contains_key("ref")
                    && !next.contains_key("rev")
                    && next.get("type").and_then(Json::as_str) != Some("path")
                {
                    next.insert("ref".into(), r);
                }
            }
            current = next;
        }
        current
    }

    /// The registry as `nix registry list` prints it: the user's entries, then the
    /// built-in (global) ones.
    pub fn list(&self) -> String {
        let mut out = String::new();
        for r in &self.user {
            out.push_str(&format!(
                "user   {} {}\n",
                crate::reference::to_url(&r.from),
                crate::reference::to_url(&r.to)
            ));
        }
        for f in &self.flakes {
            let target = match &f.default_ref {
                Some(r) => format!("github:{}/{}/{}", f.owner, f.repo, r),
                None => format!("github:{}/{}", f.owner, f.repo),
            };
            out.push_str(&format!("global flake:{} {}\n", f.id, target));
        }
        out
    }

    /// The virtual flake behind a GitHub repository or a Git URL of one.
    fn by_repository(&self, owner: &str, repo: &str) -> Option<&VirtualFlake> {
        self.flakes
            .iter()
            .find(|f| f.owner.eq_ignore_ascii_case(owner) && f.repo.eq_ignore_ascii_case(repo))
    }

    /// Which virtual flake an (original) reference fetches, and the branch or tag asked
    /// for; an error names what is available when nothing matches.
    pub fn lookup(&self, original: &Attrs) -> Result<(&VirtualFlake, Option<String>), String> {
        let original = &self.resolve(original);
        let s = |k: &str| original.get(k).and_then(Json::as_str).map(str::to_string);
        let found = match s("type").as_deref() {
            Some("indirect") => {
                let id = s("id").unwrap_or_default();
                self.flakes
                    .iter()
                    .find(|f| f.id == id)
                    .map(|f| (f, s("ref").or(f.default_ref.clone())))
            }
            Some("github") => self
                .by_repository(
                    &s("owner").unwrap_or_default(),
                    &s("repo").unwrap_or_default(),
                )
                .map(|f| (f, s("ref"))),
            Some("git") | Some("tarball") => {
                let url = s("url").unwrap_or_default();
                let path = url.trim_end_matches('/').trim_end_matches(".git");
                let mut parts = path.rsplit('/');
                let repo = parts.next().unwrap_or_default().to_string();
                let owner = parts.next().unwrap_or_default().to_string();
                let on_github = path.contains("github.com/");
                if on_github {
                    self.by_repository(&owner, &repo).map(|f| (f, s("ref")))
                } else {
                    None
                }
            }
            _ => None,
        };
        found.ok_or_else(|| {
            let names: Vec<String> = self
                .flakes
                .iter()
                .map(|f| format!("{} (github:{}/{})", f.id, f.owner, f.repo))
                .collect();
            format!(
                "cannot fetch '{}': Nixpad has no network; its registry provides {}",
                crate::reference::to_url(original),
                names.join(", ")
            )
        })
    }
}

/// A virtual flake's fake but stable commit hash for a branch: SHA-1 of its identity and
/// content.
pub fn fake_rev(flake: &VirtualFlake, git_ref: Option<&str>, nar_hash: &str) -> String {
    let text = format!(
        "nixpad-virtual-flake\0{}/{}\0{}\0{}",
        flake.owner,
        flake.repo,
        git_ref.unwrap_or(""),
        nar_hash
    );
    store::to_base16(&HashAlgo::Sha1.digest(text.as_bytes()))
}
