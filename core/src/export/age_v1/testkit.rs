//! The C2SP age test kit (`core/tests/data/age-testkit/`, README there): every file's expected
//! outcome class (success with the payload's SHA-256, header, MAC or payload failure, no
//! match) against ours.

use std::path::PathBuf;

use sha2::{Digest, Sha256};

use super::*;

/// The work factor limit the test kit assumes (its `scrypt_work_factor_23` must fail).
const TESTKIT_MAX_WORK_FACTOR: u8 = 22;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

/// The outcome class of a result, in the test kit's words.
fn class(result: &Result<Vec<u8>, AgeError>) -> &'static str {
    match result {
        Ok(_) => "success",
        Err(AgeError::Header | AgeError::UnknownVersion | AgeError::ExcessiveWork { .. }) => {
            "header failure"
        }
        Err(AgeError::Mac) => "HMAC failure",
        Err(AgeError::Payload) => "payload failure",
        Err(AgeError::WrongPassphrase | AgeError::NotPassphrase) => "no match",
        Err(other) => panic!("unexpected error class {other:?}"),
    }
}

#[test]
fn every_test_kit_file_has_its_expected_outcome() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/age-testkit");
    let mut checked = 0;
    let mut scrypt_files = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let raw = std::fs::read(&path).unwrap();
        let split = raw.windows(2).position(|w| w == b"\n\n").unwrap();
        let fields: Vec<(String, String)> = String::from_utf8(raw[..split].to_vec())
            .unwrap()
            .lines()
            .map(|l| {
                let (k, v) = l.split_once(": ").unwrap();
                (k.to_string(), v.to_string())
            })
            .collect();
        let field = |key: &str| {
            fields
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        };
        let mut file = raw[split + 2..].to_vec();
        if field("compressed").as_deref() == Some("zlib") {
            let mut plain = Vec::new();
            flate2::read::ZlibDecoder::new(&file[..])
                .read_to_end(&mut plain)
                .unwrap();
            file = plain;
        }
        let expect = field("expect").unwrap();
        let is_scrypt = file.windows(10).any(|w| w == b"\n-> scrypt");
        let result = if field("passphrase").is_some() || is_scrypt {
            scrypt_files += 1;
            let passphrase = field("passphrase").unwrap_or_default();
            open(&file[..], &passphrase, TESTKIT_MAX_WORK_FACTOR, usize::MAX)
        } else {
            let key: FileKey = unhex(&field("file key").unwrap()).try_into().unwrap();
            open_with_file_key(&file[..], &key)
        };
        assert_eq!(class(&result), expect, "{name}: {result:?}");
        if let Ok(plain) = result {
            assert_eq!(
                Some(hex(&Sha256::digest(&plain))),
                field("payload"),
                "{name}"
            );
        }
        checked += 1;
    }
    // The README lists what was kept: 81 files, 25 of them through the passphrase path.
    assert_eq!((checked, scrypt_files), (81, 25));
}
