//! The payload of an age v1 file (age-encryption.org/v1, "Payload"): a 16-byte nonce, then
//! the plain text in 64 KiB chunks, each sealed with ChaCha20-Poly1305 under the payload key
//! (HKDF-SHA-256 of the file key, salt = the nonce, info = "payload") and a 12-byte nonce made
//! of an 11-byte big-endian chunk counter and a last-chunk flag (the STREAM construction).
//!
//! Only the last chunk may be shorter than 64 KiB, and it is empty only when the whole plain
//! text is: a reader refuses a missing, repeated or empty-after-data last chunk, a short chunk
//! before the end, and anything after the last chunk.

use std::io::Read;

use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use hkdf::Hkdf;
use sha2::Sha256;
use zeroize::Zeroizing;

use super::{AgeError, FileKey};

/// Plain text per chunk.
pub const CHUNK_BYTES: usize = 64 * 1024;

/// The Poly1305 tag closing every chunk.
pub const TAG_BYTES: usize = 16;

/// The random nonce that starts the payload (the HKDF salt of the payload key).
pub const PAYLOAD_NONCE_BYTES: usize = 16;

/// The HKDF info string of the payload key.
const PAYLOAD_INFO: &[u8] = b"payload";

/// The last-chunk flag, the last byte of the chunk nonce.
const LAST_CHUNK_FLAG: u8 = 0x01;

/// The payload key for `file_key` and the payload's `nonce`.
fn payload_cipher(file_key: &FileKey, nonce: &[u8; PAYLOAD_NONCE_BYTES]) -> ChaCha20Poly1305 {
    let mut key = Zeroizing::new([0u8; 32]);
    // 32 bytes is far below HKDF-SHA-256's limit of 255 × 32, so expand cannot fail.
    let _ = Hkdf::<Sha256>::new(Some(nonce), &file_key[..]).expand(PAYLOAD_INFO, &mut key[..]);
    ChaCha20Poly1305::new(Key::from_slice(&key[..]))
}

/// The nonce of chunk number `counter`: 11 bytes of big-endian counter, then the flag.
fn chunk_nonce(counter: u64, last: bool) -> Nonce {
    // The first three counter bytes stay zero: 2^64 chunks of 64 KiB is beyond any file.
    let [c0, c1, c2, c3, c4, c5, c6, c7] = counter.to_be_bytes();
    let flag = if last { LAST_CHUNK_FLAG } else { 0 };
    Nonce::from([0, 0, 0, c0, c1, c2, c3, c4, c5, c6, c7, flag])
}

/// The sealed payload of `plain`: `nonce` followed by its chunks.
pub fn seal(
    plain: &[u8],
    file_key: &FileKey,
    nonce: &[u8; PAYLOAD_NONCE_BYTES],
) -> Result<Vec<u8>, AgeError> {
    let cipher = payload_cipher(file_key, nonce);
    let chunks = plain.len().div_ceil(CHUNK_BYTES).max(1);
    let mut out = Vec::with_capacity(PAYLOAD_NONCE_BYTES + plain.len() + chunks * TAG_BYTES);
    out.extend_from_slice(nonce);
    // An empty plain text is one empty last chunk; a plain text of whole chunks ends with a
    // full last chunk (never an empty one after it).
    let mut parts: Vec<&[u8]> = plain.chunks(CHUNK_BYTES).collect();
    if parts.is_empty() {
        parts.push(&[]);
    }
    let count = parts.len();
    for (index, part) in parts.into_iter().enumerate() {
        let last = index + 1 == count;
        let counter = u64::try_from(index).map_err(|_| AgeError::Payload)?;
        let sealed = cipher
            .encrypt(&chunk_nonce(counter, last), part)
            .map_err(|_| AgeError::Payload)?;
        out.extend_from_slice(&sealed);
    }
    Ok(out)
}

/// Fills `buf` from `input` until it is full or the input ends; returns how much was read.
fn fill(input: &mut impl Read, buf: &mut [u8]) -> Result<usize, AgeError> {
    let mut read = 0;
    while let Some(rest) = buf.get_mut(read..).filter(|rest| !rest.is_empty()) {
        match input.read(rest) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(AgeError::Io(e)),
        }
    }
    Ok(read)
}

/// Reads the payload (nonce and chunks) from `input` and returns the plain text, at most
/// `limit` bytes of it. Each chunk is authenticated before its text is kept.
pub fn open(input: &mut impl Read, file_key: &FileKey, limit: usize) -> Result<Vec<u8>, AgeError> {
    let mut nonce = [0u8; PAYLOAD_NONCE_BYTES];
    if fill(input, &mut nonce)? < PAYLOAD_NONCE_BYTES {
        // The nonce belongs to the header side in age's test suite: a file cut there is
        // damaged before any chunk.
        return Err(AgeError::Header);
    }
    let cipher = payload_cipher(file_key, &nonce);
    let mut plain = Vec::new();
    let mut chunk = vec![0u8; CHUNK_BYTES + TAG_BYTES];
    let mut len = fill(input, &mut chunk)?;
    let mut counter: u64 = 0;
    loop {
        // A short read is the last chunk; a full one is last only if nothing follows it.
        let mut next = [0u8; 1];
        let last = len < chunk.len() || fill(input, &mut next)? == 0;
        let sealed = chunk.get(..len).ok_or(AgeError::Payload)?;
        if sealed.len() < TAG_BYTES {
            return Err(AgeError::Payload);
        }
        let text = cipher
            .decrypt(&chunk_nonce(counter, last), sealed)
            .map_err(|_| AgeError::Payload)?;
        if last && text.is_empty() && counter > 0 {
            return Err(AgeError::Payload);
        }
        if plain.len().saturating_add(text.len()) > limit {
            return Err(AgeError::TooLarge);
        }
        plain.extend_from_slice(&text);
        if last {
            return Ok(plain);
        }
        counter = counter.checked_add(1).ok_or(AgeError::Payload)?;
        // The byte read to look ahead starts the next chunk.
        let [first] = next;
        let (head, rest) = chunk.split_at_mut(1);
        head.fill(first);
        len = 1 + fill(input, rest)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: FileKey = [7; 16];
    const NONCE: [u8; PAYLOAD_NONCE_BYTES] = [3; PAYLOAD_NONCE_BYTES];

    #[test]
    fn chunk_sizes_follow_the_spec() {
        for (plain, sealed) in [
            (0, TAG_BYTES),
            (1, 1 + TAG_BYTES),
            (CHUNK_BYTES, CHUNK_BYTES + TAG_BYTES),
            (CHUNK_BYTES + 1, CHUNK_BYTES + 1 + 2 * TAG_BYTES),
            (2 * CHUNK_BYTES, 2 * (CHUNK_BYTES + TAG_BYTES)),
        ] {
            let out = seal(&vec![5; plain], &KEY, &NONCE).unwrap();
            assert_eq!(out.len(), PAYLOAD_NONCE_BYTES + sealed, "{plain} bytes");
            assert_eq!(
                open(&mut &out[..], &KEY, usize::MAX).unwrap(),
                vec![5; plain]
            );
        }
    }

    #[test]
    fn an_empty_last_chunk_after_data_is_refused() {
        // One full chunk sealed as not-last, then an empty chunk sealed as last: the form the
        // spec forbids (a writer must flag the full chunk as last).
        let cipher = payload_cipher(&KEY, &NONCE);
        let mut out = NONCE.to_vec();
        out.extend(
            cipher
                .encrypt(&chunk_nonce(0, false), &[1u8; CHUNK_BYTES][..])
                .unwrap(),
        );
        out.extend(cipher.encrypt(&chunk_nonce(1, true), &[][..]).unwrap());
        assert!(matches!(
            open(&mut &out[..], &KEY, usize::MAX),
            Err(AgeError::Payload)
        ));
    }
}
