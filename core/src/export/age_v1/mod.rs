//! The age v1 file format (age-encryption.org/v1, C2SP), only as far as a passphrase goes: one
//! scrypt stanza, the header MAC and the STREAM payload. Files we write are opened by the `age`
//! tool (`age -d`) and we open what `age -p` writes (interop tests in `core/tests/backups.rs`);
//! the C2SP test kit's files (`core/tests/data/age-testkit/`) check every rule below.
//!
//! Why not the `age` crate: it always builds its localisation stack (Fluent, i18n-embed,
//! rust-embed…), which took the phone library over its 4 MB budget (docs/performance.md); a
//! passphrase needs only this subset, built on the RustCrypto primitives `age` itself uses.
//!
//! - File key: 16 random bytes.
//! - Stanza `-> scrypt <salt> <log2 N>`: the wrap key is scrypt(passphrase,
//!   "age-encryption.org/v1/scrypt" ‖ salt, N, r = 8, p = 1) of 32 bytes; the body is the file
//!   key sealed with ChaCha20-Poly1305 under it and a zero nonce (32 bytes). A scrypt stanza
//!   must be the only one, so a passphrase file cannot also be opened by a key.
//! - Header MAC: HMAC-SHA-256 under HKDF-SHA-256(file key, no salt, "header") over the header
//!   up to and including `---`.
//! - Payload: see `stream.rs`.

pub mod header;
pub mod stream;

use std::io::{BufReader, Read};

use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::Zeroizing;

use header::{Header, Stanza, MAC_BYTES};
use stream::PAYLOAD_NONCE_BYTES;

/// A file key: the random key every age file's payload and header MAC derive from.
pub type FileKey = [u8; FILE_KEY_BYTES];

/// The length of a file key.
pub const FILE_KEY_BYTES: usize = 16;

/// The type of the passphrase stanza.
const SCRYPT_TYPE: &str = "scrypt";

/// The scrypt salt prefix (the stanza's salt follows it).
const SCRYPT_LABEL: &[u8] = b"age-encryption.org/v1/scrypt";

/// The random part of the scrypt salt, in bytes.
const SCRYPT_SALT_BYTES: usize = 16;

/// scrypt's block size and parallelism, fixed by the spec.
const SCRYPT_R: u32 = 8;
const SCRYPT_P: u32 = 1;

/// The sealed file key in a scrypt stanza: 16 bytes and a 16-byte tag.
const WRAPPED_KEY_BYTES: usize = FILE_KEY_BYTES + stream::TAG_BYTES;

/// The HKDF info string of the header MAC key.
const HEADER_INFO: &[u8] = b"header";

/// Why an age file could not be written or opened, in the test kit's classes.
#[derive(Debug)]
pub enum AgeError {
    /// The header is malformed (or the payload nonce is missing).
    Header,
    /// The version line names another age version.
    UnknownVersion,
    /// The file is encrypted to keys (no scrypt stanza), not with a passphrase.
    NotPassphrase,
    /// The scrypt stanza asks for more work than allowed.
    ExcessiveWork {
        /// The work factor (log2 N) the file asks for.
        required: u8,
    },
    /// The passphrase does not open the scrypt stanza (or the stanza was changed).
    WrongPassphrase,
    /// The header MAC does not match: the header was changed.
    Mac,
    /// A payload chunk is missing, cut, reordered or changed.
    Payload,
    /// The plain text is longer than the caller's limit.
    TooLarge,
    /// Randomness or key derivation was not available.
    Crypto,
    /// Reading failed.
    Io(std::io::Error),
}

/// The scrypt wrap key for `passphrase`, `salt` and `work_factor` (log2 N).
fn wrap_cipher(
    passphrase: &str,
    salt: &[u8; SCRYPT_SALT_BYTES],
    work_factor: u8,
) -> Result<ChaCha20Poly1305, AgeError> {
    let mut full_salt = Vec::with_capacity(SCRYPT_LABEL.len() + SCRYPT_SALT_BYTES);
    full_salt.extend_from_slice(SCRYPT_LABEL);
    full_salt.extend_from_slice(salt);
    let params =
        scrypt::Params::new(work_factor, SCRYPT_R, SCRYPT_P, 32).map_err(|_| AgeError::Crypto)?;
    let mut key = Zeroizing::new([0u8; 32]);
    scrypt::scrypt(passphrase.as_bytes(), &full_salt, &params, &mut key[..])
        .map_err(|_| AgeError::Crypto)?;
    Ok(ChaCha20Poly1305::new(Key::from_slice(&key[..])))
}

/// The header MAC of `covered` under `file_key`.
fn header_mac(file_key: &FileKey) -> Result<Hmac<Sha256>, AgeError> {
    let mut key = Zeroizing::new([0u8; 32]);
    Hkdf::<Sha256>::new(None, &file_key[..])
        .expand(HEADER_INFO, &mut key[..])
        .map_err(|_| AgeError::Crypto)?;
    <Hmac<Sha256> as Mac>::new_from_slice(&key[..]).map_err(|_| AgeError::Crypto)
}

/// Random bytes from the operating system.
fn random<const N: usize>() -> Result<[u8; N], AgeError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|_| AgeError::Crypto)?;
    Ok(bytes)
}

/// `plain` encrypted with `passphrase` as a binary age v1 file, scrypt work factor
/// `work_factor` (log2 N).
pub fn seal(plain: &[u8], passphrase: &str, work_factor: u8) -> Result<Vec<u8>, AgeError> {
    let file_key = Zeroizing::new(random::<FILE_KEY_BYTES>()?);
    let salt = random::<SCRYPT_SALT_BYTES>()?;
    let body = wrap_cipher(passphrase, &salt, work_factor)?
        .encrypt(&Nonce::default(), &file_key[..])
        .map_err(|_| AgeError::Crypto)?;
    let stanza = Stanza {
        kind: SCRYPT_TYPE.into(),
        args: vec![header::encode(&salt), work_factor.to_string()],
        body,
    };
    let mut out = header::covered_bytes(&[stanza]);
    let mut mac = header_mac(&file_key)?;
    mac.update(&out);
    let tag: [u8; MAC_BYTES] = mac.finalize().into_bytes().into();
    out.extend_from_slice(&header::mac_line(&tag));
    let nonce = random::<PAYLOAD_NONCE_BYTES>()?;
    out.extend_from_slice(&stream::seal(plain, &file_key, &nonce)?);
    Ok(out)
}

/// A work factor as written in a stanza: decimal digits without a sign or leading zero, 1 or
/// more; above `max` it is refused as excessive before any work is done.
fn work_factor(text: &str, max: u8) -> Result<u8, AgeError> {
    if text.is_empty() || text.starts_with('0') || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AgeError::Header);
    }
    let value: u8 = text.parse().map_err(|_| AgeError::Header)?;
    if value > max {
        return Err(AgeError::ExcessiveWork { required: value });
    }
    Ok(value)
}

/// The file key in `header`'s scrypt stanza, unwrapped with `passphrase`.
fn unwrap_scrypt(
    header: &Header,
    passphrase: &str,
    max_work_factor: u8,
) -> Result<Zeroizing<FileKey>, AgeError> {
    let Some(stanza) = header.stanzas.iter().find(|s| s.kind == SCRYPT_TYPE) else {
        return Err(AgeError::NotPassphrase);
    };
    if header.stanzas.len() != 1 {
        return Err(AgeError::Header);
    }
    let [salt, factor] = stanza.args.as_slice() else {
        return Err(AgeError::Header);
    };
    let salt: [u8; SCRYPT_SALT_BYTES] = header::decode(salt.as_bytes())?
        .try_into()
        .map_err(|_| AgeError::Header)?;
    let factor = work_factor(factor, max_work_factor)?;
    // A body of any other length is refused before the work is spent.
    if stanza.body.len() != WRAPPED_KEY_BYTES {
        return Err(AgeError::Header);
    }
    let key = wrap_cipher(passphrase, &salt, factor)?
        .decrypt(&Nonce::default(), &stanza.body[..])
        .map_err(|_| AgeError::WrongPassphrase)?;
    let key: FileKey = key.try_into().map_err(|_| AgeError::Header)?;
    Ok(Zeroizing::new(key))
}

/// Checks `header`'s MAC under `file_key`, in constant time.
fn check_mac(header: &Header, file_key: &FileKey) -> Result<(), AgeError> {
    let mut mac = header_mac(file_key)?;
    mac.update(&header.covered);
    mac.verify_slice(&header.mac).map_err(|_| AgeError::Mac)
}

/// The plain text of the age file read from `input`, opened with `passphrase`, asking at most
/// `max_work_factor` of scrypt and returning at most `limit` bytes. Every chunk is
/// authenticated before its text is kept, and the whole file must be intact.
pub fn open(
    input: impl Read,
    passphrase: &str,
    max_work_factor: u8,
    limit: usize,
) -> Result<Vec<u8>, AgeError> {
    let mut input = BufReader::new(input);
    let header = header::read(&mut input)?;
    let file_key = unwrap_scrypt(&header, passphrase, max_work_factor)?;
    check_mac(&header, &file_key)?;
    stream::open(&mut input, &file_key, limit)
}

/// Like [`open`] with the file key given: the test kit's files encrypted to keys check the
/// header, MAC and payload rules through it.
#[cfg(test)]
fn open_with_file_key(input: impl Read, file_key: &FileKey) -> Result<Vec<u8>, AgeError> {
    let mut input = BufReader::new(input);
    let header = header::read(&mut input)?;
    check_mac(&header, file_key)?;
    stream::open(&mut input, file_key, usize::MAX)
}

#[cfg(test)]
mod testkit;

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::stream::CHUNK_BYTES;
    use super::*;

    /// A low work factor, so thousands of files cost little; the format is the same.
    const FAST: u8 = 1;
    const PASS: &str = "correct horse battery";

    #[test]
    fn chunk_boundaries_round_trip() {
        for len in [
            0,
            1,
            CHUNK_BYTES - 1,
            CHUNK_BYTES,
            CHUNK_BYTES + 1,
            3 * CHUNK_BYTES,
        ] {
            let plain: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let sealed = seal(&plain, PASS, FAST).unwrap();
            assert!(sealed.starts_with(b"age-encryption.org/v1\n-> scrypt "));
            assert_eq!(
                open(&sealed[..], PASS, FAST, len).unwrap(),
                plain,
                "{len} bytes"
            );
            if len > 0 {
                assert!(matches!(
                    open(&sealed[..], PASS, FAST, len - 1),
                    Err(AgeError::TooLarge)
                ));
            }
        }
    }

    #[test]
    fn every_single_flipped_bit_is_an_error() {
        // Every bit of a whole file (header, MAC, nonce, chunk and tag): 100 plain bytes make
        // a file of about 230 bytes, so about 1,840 files.
        let sealed = seal(&[42u8; 100], PASS, FAST).unwrap();
        for at in 0..sealed.len() {
            for bit in 0..8 {
                let mut changed = sealed.clone();
                changed[at] ^= 1 << bit;
                // The work factor may become 3 (of 1): allowed, and the key then differs.
                let result = open(&changed[..], PASS, 3, usize::MAX);
                assert!(result.is_err(), "byte {at} bit {bit} opened");
            }
        }
    }

    #[test]
    fn the_wrong_passphrase_and_too_much_work_are_told_apart() {
        let sealed = seal(b"x", PASS, 3).unwrap();
        assert!(matches!(
            open(&sealed[..], "another passphrase", 3, 10),
            Err(AgeError::WrongPassphrase)
        ));
        assert!(matches!(
            open(&sealed[..], PASS, 2, 10),
            Err(AgeError::ExcessiveWork { required: 3 })
        ));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn any_bytes_round_trip(
            plain in prop_oneof![
                proptest::collection::vec(any::<u8>(), 0..300),
                proptest::collection::vec(any::<u8>(), CHUNK_BYTES - 2..CHUNK_BYTES + 3),
            ],
            passphrase in "\\PC{1,40}",
        ) {
            let sealed = seal(&plain, &passphrase, FAST).unwrap();
            prop_assert_eq!(open(&sealed[..], &passphrase, FAST, usize::MAX).unwrap(), plain);
        }

        #[test]
        fn any_cut_is_an_error(len in 0usize..2 * CHUNK_BYTES + 40, cut_permille in 0usize..1000) {
            let plain = vec![9u8; len];
            let sealed = seal(&plain, PASS, FAST).unwrap();
            let cut = sealed.len() * cut_permille / 1000;
            prop_assert!(open(&sealed[..cut], PASS, FAST, usize::MAX).is_err());
        }
    }
}
