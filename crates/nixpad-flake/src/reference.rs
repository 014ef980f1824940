//! Flake references: the URL forms (`github:o/r/ref`, `path:./sub`, `git+https://…`,
//! `nixpkgs`) and the attribute form, both as the attribute set Nix records as `original`
//! in a lock file.

use serde_json::{Map, Value as Json};

/// A flake reference as its attributes (`{ type = "github"; owner; repo; ref; }`).
pub type Attrs = Map<String, Json>;

fn is_rev(s: &str) -> bool {
    s.len() == 40 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn set(attrs: &mut Attrs, key: &str, value: &str) {
    attrs.insert(key.to_string(), Json::String(value.to_string()));
}

/// Splits `?a=1&b=2` parameters off a URL.
fn split_query(url: &str) -> (&str, Vec<(String, String)>) {
    match url.split_once('?') {
        None => (url, Vec::new()),
        Some((base, query)) => (
            base,
            query
                .split('&')
                .filter(|p| !p.is_empty())
                .map(|p| match p.split_once('=') {
                    Some((k, v)) => (k.to_string(), v.to_string()),
                    None => (p.to_string(), String::new()),
                })
                .collect(),
        ),
    }
}

fn add_params(attrs: &mut Attrs, params: Vec<(String, String)>, url: &str) -> Result<(), String> {
    for (k, v) in params {
        match k.as_str() {
            "ref" | "rev" | "dir" | "host" => set(attrs, &k, &v),
            "narHash" => set(attrs, &k, &v),
            "lastModified" | "revCount" => {
                let n: i64 = v
                    .parse()
                    .map_err(|_| format!("invalid integer '{v}' in flake reference '{url}'"))?;
                attrs.insert(k, Json::from(n));
            }
            _ => {
                return Err(format!(
                    "unsupported input attribute '{k}' in flake reference '{url}'"
                ))
            }
        }
    }
    Ok(())
}

/// Parses a flake URL as Nix does for `inputs.NAME.url`.
pub fn parse_url(url: &str) -> Result<Attrs, String> {
    let mut attrs = Attrs::new();
    let (base, params) = split_query(url);
    if let Some(rest) = base.strip_prefix("path:") {
        set(&mut attrs, "type", "path");
        set(&mut attrs, "path", rest);
    } else if base.starts_with("./")
        || base.starts_with("../")
        || base.starts_with('/')
        || base == "."
    {
        set(&mut attrs, "type", "path");
        set(&mut attrs, "path", base);
    } else if let Some((scheme, rest)) = ["github", "gitlab", "sourcehut"]
        .iter()
        .find_map(|s| base.strip_prefix(&format!("{s}:")).map(|r| (*s, r)))
    {
        let parts: Vec<&str> = rest.split('/').collect();
        if parts.len() < 2 || parts.len() > 3 || parts.iter().any(|p| p.is_empty()) {
            return Err(format!("'{url}' is not a valid URL"));
        }
        set(&mut attrs, "type", scheme);
        set(&mut attrs, "owner", parts[0]);
        set(&mut attrs, "repo", parts[1]);
        if let Some(r) = parts.get(2) {
            set(&mut attrs, if is_rev(r) { "rev" } else { "ref" }, r);
        }
    } else if let Some(rest) = base.strip_prefix("git+") {
        set(&mut attrs, "type", "git");
        set(&mut attrs, "url", rest);
    } else if let Some(rest) = base
        .strip_prefix("tarball+")
        .or(Some(base).filter(|b| b.starts_with("https://")))
    {
        set(&mut attrs, "type", "tarball");
        set(&mut attrs, "url", rest);
    } else {
        let id_ref = base.strip_prefix("flake:").unwrap_or(base);
        let parts: Vec<&str> = id_ref.split('/').collect();
        let valid_id = |s: &str| {
            s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        };
        if base.contains(':') && !base.starts_with("flake:")
            || parts.len() > 3
            || !valid_id(parts[0])
        {
            return Err(format!("input '{url}' is unsupported"));
        }
        set(&mut attrs, "type", "indirect");
        set(&mut attrs, "id", parts[0]);
        for r in &parts[1..] {
            set(&mut attrs, if is_rev(r) { "rev" } else { "ref" }, r);
        }
    }
    add_params(&mut attrs, params, url)?;
    Ok(attrs)
}

pub(crate) fn str_attr<'a>(attrs: &'a Attrs, key: &str) -> Option<&'a str> {
    attrs.get(key).and_then(|v| v.as_str())
}

/// Checks a reference given as attributes (`{ type = "github"; owner = …; }`).
pub fn check_attrs(attrs: &Attrs) -> Result<(), String> {
    let Some(kind) = str_attr(attrs, "type") else {
        return Err("flake input has no 'type' attribute".to_string());
    };
    let required: &[&str] = match kind {
        "github" | "gitlab" | "sourcehut" => &["owner", "repo"],
        "path" => &["path"],
        "git" | "tarball" | "file" => &["url"],
        "indirect" => &["id"],
        other => return Err(format!("input type '{other}' is unsupported")),
    };
    for key in required {
        if str_attr(attrs, key).is_none() {
            return Err(format!("input attribute '{key}' is missing"));
        }
    }
    Ok(())
}

/// A reference as a URL, the way Nix prints it (`github:NixOS/nixpkgs/nixos-24.05`,
/// `path:./sub`, `nixpkgs`).
pub fn to_url(attrs: &Attrs) -> String {
    let s = |k: &str| str_attr(attrs, k).unwrap_or_default().to_string();
    let mut params: Vec<String> = Vec::new();
    let mut base = match str_attr(attrs, "type").unwrap_or_default() {
        kind @ ("github" | "gitlab" | "sourcehut") => {
            let mut u = format!("{kind}:{}/{}", s("owner"), s("repo"));
            if let Some(r) = str_attr(attrs, "rev").or(str_attr(attrs, "ref")) {
                u.push('/');
                u.push_str(r);
            }
            u
        }
        "path" => format!("path:{}", s("path")),
        "git" => {
            for k in ["ref", "rev"] {
                if let Some(v) = str_attr(attrs, k) {
                    params.push(format!("{k}={v}"));
                }
            }
            format!("git+{}", s("url"))
        }
        "tarball" => s("url"),
        "indirect" => {
            let mut u = format!("flake:{}", s("id"));
            for k in ["ref", "rev"] {
                if let Some(v) = str_attr(attrs, k) {
                    u.push('/');
                    u.push_str(v);
                }
            }
            u
        }
        other => format!("{other}:?"),
    };
    for k in ["dir", "lastModified", "narHash"] {
        if let Some(v) = attrs.get(k) {
            let text = v
                .as_str()
                .map(|x| x.to_string())
                .unwrap_or_else(|| v.to_string());
            params.push(format!(
                "{k}={}",
                text.replace('+', "%2B").replace('=', "%3D")
            ));
        }
    }
    if !params.is_empty() {
        base.push('?');
        base.push_str(&params.join("&"));
    }
    base
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(u: &str) -> String {
        serde_json::to_string(&parse_url(u).unwrap()).unwrap()
    }

    #[test]
    fn url_forms() {
        assert_eq!(
            url("github:NixOS/nixpkgs"),
            r#"{"owner":"NixOS","repo":"nixpkgs","type":"github"}"#
        );
        assert_eq!(
            url("github:NixOS/nixpkgs/nixos-24.05"),
            r#"{"owner":"NixOS","ref":"nixos-24.05","repo":"nixpkgs","type":"github"}"#
        );
        assert_eq!(url("path:./sub"), r#"{"path":"./sub","type":"path"}"#);
        assert_eq!(url("nixpkgs"), r#"{"id":"nixpkgs","type":"indirect"}"#);
        assert_eq!(
            url("nixpkgs/nixos-unstable"),
            r#"{"id":"nixpkgs","ref":"nixos-unstable","type":"indirect"}"#
        );
        assert_eq!(
            url("git+https://example.org/x.git?ref=main"),
            r#"{"ref":"main","type":"git","url":"https://example.org/x.git"}"#
        );
        assert_eq!(
            parse_url("bogus:zz").unwrap_err(),
            "input 'bogus:zz' is unsupported"
        );
    }

    #[test]
    fn urls_print_back() {
        for u in [
            "github:NixOS/nixpkgs/nixos-24.05",
            "path:./sub",
            "git+https://example.org/x.git?ref=main",
        ] {
            assert_eq!(to_url(&parse_url(u).unwrap()), u);
        }
        assert_eq!(to_url(&parse_url("nixpkgs").unwrap()), "flake:nixpkgs");
    }
}
