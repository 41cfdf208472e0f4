//! The text header of an age v1 file (age-encryption.org/v1, "Header"): the version line, the
//! recipient stanzas and the MAC line, read strictly and written canonically.
//!
//! ```text
//! age-encryption.org/v1
//! -> scrypt <salt, base64> <log2 N>
//! <body, base64, lines of exactly 64 columns and a final shorter (possibly empty) one>
//! --- <MAC, base64>
//! ```
//!
//! Every stanza is parsed whatever its type (so a file encrypted to a key is recognised as
//! such, and the header MAC covers what was really read); the scrypt rules live in `mod.rs`.

use std::io::{BufRead, Read};

use base64::engine::general_purpose::STANDARD_NO_PAD;
use base64::Engine;

use super::AgeError;

/// The version line every age v1 file starts with (without its newline).
pub const VERSION_LINE: &[u8] = b"age-encryption.org/v1";

/// What every age version line starts with: a file starting so with another version is a newer
/// format, not a damaged one.
const VERSION_PREFIX: &[u8] = b"age-encryption.org/";

/// The start of a stanza's first line.
const STANZA_PREFIX: &[u8] = b"-> ";

/// The start of the MAC line; the MAC covers the header up to and including these three dashes.
const MAC_PREFIX: &[u8] = b"---";

/// Stanza body lines are wrapped at this many base64 characters; a shorter line ends the body.
pub const BODY_COLUMNS: usize = 64;

/// The longest header line read: far above anything age writes (its longest lines are 64
/// columns of body), so a file of garbage without newlines is refused after a few KiB.
const MAX_LINE_BYTES: usize = 4096;

/// The most stanzas read: age's own files carry one per recipient; a header of thousands is
/// not a backup.
const MAX_STANZAS: usize = 256;

/// The length of the header MAC (HMAC-SHA-256), in bytes.
pub const MAC_BYTES: usize = 32;

/// One recipient stanza: its type, its arguments and its decoded body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stanza {
    /// The stanza type, e.g. `scrypt` or `X25519`.
    pub kind: String,
    /// The arguments after the type, each a non-empty run of visible ASCII.
    pub args: Vec<String>,
    /// The body, decoded from canonical unpadded base64.
    pub body: Vec<u8>,
}

/// A parsed header: its stanzas, its MAC, and the exact bytes the MAC covers.
#[derive(Debug)]
pub struct Header {
    /// The recipient stanzas, in file order.
    pub stanzas: Vec<Stanza>,
    /// The header MAC as written in the file.
    pub mac: [u8; MAC_BYTES],
    /// The header bytes from the version line up to and including `---` (what the MAC covers).
    pub covered: Vec<u8>,
}

/// Canonical unpadded standard base64, as age writes it.
pub fn encode(bytes: &[u8]) -> String {
    STANDARD_NO_PAD.encode(bytes)
}

/// Decodes canonical unpadded standard base64 only: padding, characters outside the alphabet
/// and non-zero unused trailing bits are all refused, so one file has one spelling.
pub fn decode(text: &[u8]) -> Result<Vec<u8>, AgeError> {
    // The engine refuses padding (`RequireNone`) and non-zero trailing bits by default; the
    // re-encoding check states the canonical rule outright rather than relying on that.
    let bytes = STANDARD_NO_PAD.decode(text).map_err(|_| AgeError::Header)?;
    if encode(&bytes).as_bytes() != text {
        return Err(AgeError::Header);
    }
    Ok(bytes)
}

/// Writes a header with `stanzas`; the caller appends the MAC line with [`mac_line`].
/// Returns the bytes the MAC covers (up to and including `---`).
pub fn covered_bytes(stanzas: &[Stanza]) -> Vec<u8> {
    let mut out = Vec::with_capacity(128);
    out.extend_from_slice(VERSION_LINE);
    out.push(b'\n');
    for stanza in stanzas {
        out.extend_from_slice(STANZA_PREFIX);
        out.extend_from_slice(stanza.kind.as_bytes());
        for arg in &stanza.args {
            out.push(b' ');
            out.extend_from_slice(arg.as_bytes());
        }
        out.push(b'\n');
        let body = encode(&stanza.body);
        let mut lines = body.as_bytes().chunks(BODY_COLUMNS);
        // Every full line is followed by another; the last line is always shorter than 64
        // columns, an empty one when the body fills whole lines.
        let mut last_was_full = true;
        for line in lines.by_ref() {
            out.extend_from_slice(line);
            out.push(b'\n');
            last_was_full = line.len() == BODY_COLUMNS;
        }
        if last_was_full {
            out.push(b'\n');
        }
    }
    out.extend_from_slice(MAC_PREFIX);
    out
}

/// The rest of the MAC line after `---`: a space, the MAC in base64, a newline.
pub fn mac_line(mac: &[u8; MAC_BYTES]) -> Vec<u8> {
    let mut out = Vec::with_capacity(48);
    out.push(b' ');
    out.extend_from_slice(encode(mac).as_bytes());
    out.push(b'\n');
    out
}

/// Reads one line (without its `\n`) of at most [`MAX_LINE_BYTES`]; a header that ends before
/// its newline is damaged.
fn read_line(input: &mut impl BufRead) -> Result<Vec<u8>, AgeError> {
    let mut line = Vec::new();
    let limit = u64::try_from(MAX_LINE_BYTES).unwrap_or(u64::MAX) + 1;
    input
        .by_ref()
        .take(limit)
        .read_until(b'\n', &mut line)
        .map_err(AgeError::Io)?;
    if line.pop() != Some(b'\n') {
        return Err(AgeError::Header);
    }
    Ok(line)
}

/// An argument: a non-empty run of visible ASCII (0x21 to 0x7E).
fn argument(bytes: &[u8]) -> Result<String, AgeError> {
    if bytes.is_empty() || !bytes.iter().all(|b| (0x21..=0x7e).contains(b)) {
        return Err(AgeError::Header);
    }
    String::from_utf8(bytes.to_vec()).map_err(|_| AgeError::Header)
}

/// Reads a stanza's body lines after its first line.
fn read_body(input: &mut impl BufRead, covered: &mut Vec<u8>) -> Result<Vec<u8>, AgeError> {
    let mut text = Vec::new();
    loop {
        let line = read_line(input)?;
        covered.extend_from_slice(&line);
        covered.push(b'\n');
        if line.len() > BODY_COLUMNS {
            return Err(AgeError::Header);
        }
        let full = line.len() == BODY_COLUMNS;
        text.extend_from_slice(&line);
        if !full {
            // Decoded whole, so a line of padding or stray characters anywhere is refused.
            return decode(&text);
        }
    }
}

/// Reads the header from `input`, leaving `input` at the first payload byte.
pub fn read(input: &mut impl BufRead) -> Result<Header, AgeError> {
    let version = read_line(input)?;
    if version != VERSION_LINE {
        return Err(if version.starts_with(VERSION_PREFIX) {
            AgeError::UnknownVersion
        } else {
            AgeError::Header
        });
    }
    let mut covered = version;
    covered.push(b'\n');
    let mut stanzas = Vec::new();
    loop {
        let line = read_line(input)?;
        if let Some(rest) = line.strip_prefix(STANZA_PREFIX) {
            if stanzas.len() >= MAX_STANZAS {
                return Err(AgeError::Header);
            }
            covered.extend_from_slice(&line);
            covered.push(b'\n');
            let mut words = rest.split(|b| *b == b' ').map(argument);
            let kind = words.next().ok_or(AgeError::Header)??;
            let args = words.collect::<Result<Vec<_>, _>>()?;
            let body = read_body(input, &mut covered)?;
            stanzas.push(Stanza { kind, args, body });
        } else if let Some(rest) = line.strip_prefix(MAC_PREFIX) {
            covered.extend_from_slice(MAC_PREFIX);
            let encoded = rest.strip_prefix(b" ").ok_or(AgeError::Header)?;
            let mac = decode(encoded)?;
            let mac: [u8; MAC_BYTES] = mac.try_into().map_err(|_| AgeError::Header)?;
            if stanzas.is_empty() {
                return Err(AgeError::Header);
            }
            return Ok(Header {
                stanzas,
                mac,
                covered,
            });
        } else {
            return Err(AgeError::Header);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Header, AgeError> {
        read(&mut text.as_bytes())
    }

    const MAC: &str = "IOXiQYStkoT1mvZW2tFOqZdhRVvj58egABx/sWfZQbc";

    #[test]
    fn a_written_header_reads_back_with_what_the_mac_covers() {
        for body_len in [0, 1, 32, 47, 48, 49, 96] {
            let stanza = Stanza {
                kind: "scrypt".into(),
                args: vec!["c2FsdA".into(), "18".into()],
                body: (0..body_len).map(|i| i as u8).collect(),
            };
            let mut file = covered_bytes(std::slice::from_ref(&stanza));
            let covered = file.clone();
            file.extend_from_slice(&mac_line(&[9; MAC_BYTES]));
            let header = read(&mut &file[..]).unwrap();
            assert_eq!(header.stanzas, vec![stanza], "body of {body_len} bytes");
            assert_eq!(header.covered, covered);
            assert_eq!(header.mac, [9; MAC_BYTES]);
        }
    }

    #[test]
    fn non_canonical_base64_and_bad_lines_are_refused() {
        // "Zg" is "f"; "Zh" has a non-zero unused bit, "Zg==" is padded.
        assert_eq!(decode(b"Zg").unwrap(), b"f");
        assert!(decode(b"Zh").is_err());
        assert!(decode(b"Zg==").is_err());
        let ok = format!("age-encryption.org/v1\n-> a b\nZg\n--- {MAC}\n");
        assert!(parse(&ok).is_ok());
        for bad in [
            format!("age-encryption.org/v1\n-> a  b\nZg\n--- {MAC}\n"),
            format!("age-encryption.org/v1\n-> a b\r\nZg\n--- {MAC}\n"),
            format!("age-encryption.org/v1\n-> a b\nZh\n--- {MAC}\n"),
            format!("age-encryption.org/v1\n-> a b\nZg\n---{MAC}\n"),
            format!("age-encryption.org/v1\n-> a b\nZg\n--- {MAC} \n"),
            format!("age-encryption.org/v1\n--- {MAC}\n"),
            format!("age-encryption.org/v1\n-> a b\nZg\n--- {MAC}"),
            "age-encryption.org/v1\n-> a b\nZg\n".to_string(),
        ] {
            assert!(matches!(parse(&bad), Err(AgeError::Header)), "{bad:?}");
        }
        assert!(matches!(
            parse(&format!("age-encryption.org/v2\n-> a b\nZg\n--- {MAC}\n")),
            Err(AgeError::UnknownVersion)
        ));
    }

    #[test]
    fn a_header_without_newlines_is_refused_after_a_bounded_read() {
        let garbage = vec![b'a'; 10 * MAX_LINE_BYTES];
        let mut input = &garbage[..];
        assert!(matches!(read(&mut input), Err(AgeError::Header)));
        assert!(
            input.len() >= 8 * MAX_LINE_BYTES,
            "read only one line's worth"
        );
    }
}
