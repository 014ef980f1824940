//! The browser's nixpkgs pack reads back to the embedded files; damage is an error.

use nixpad_pkgs::pack::{pack, unpack};

#[test]
fn the_pack_round_trips_and_damage_is_an_error() {
    let files = unpack(&pack()).unwrap();
    let embedded: Vec<(String, Vec<u8>)> = nixpad_pkgs::files()
        .iter()
        .map(|(p, b)| (p.to_string(), b.to_vec()))
        .collect();
    let mut sorted = embedded.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    assert!(files.iter().any(|(p, _)| p == "default.nix"));
    let packed = pack();
    assert!(unpack(&packed[..packed.len() / 2])
        .unwrap_err()
        .contains("truncated"));
    assert!(unpack(b"nonsense")
        .unwrap_err()
        .contains("not a nixpkgs pack"));
    let entry = |path: &str, body: &str| {
        let mut raw = b"NIXPKGS1".to_vec();
        raw.extend_from_slice(&(path.len() as u32).to_le_bytes());
        raw.extend_from_slice(path.as_bytes());
        raw.extend_from_slice(&(body.len() as u32).to_le_bytes());
        raw.extend_from_slice(body.as_bytes());
        raw
    };
    let escape = entry("../x", "1");
    let mut cut = entry("a.nix", "12345");
    cut.truncate(cut.len() - 2);
    assert!(unpack(&cut).unwrap_err().contains("truncated (in a file)"));
    assert!(unpack(&escape).unwrap_err().contains("bad file name"));
}
