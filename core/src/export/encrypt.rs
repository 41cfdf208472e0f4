//! Encrypted backups in the `age` format (age-encryption.org/v1) with a passphrase (scrypt
//! recipient), so a backup in a cloud folder reveals nothing. The `age` command-line tool opens
//! ours with the same passphrase, and we open files it wrote. The passphrase is only used for
//! the call: the core never stores it (docs/backups.md says where the apps keep it).

use std::io::Read;
use std::path::Path;

use crate::error::{JournalError, Result};
use crate::export::age_v1::{self, AgeError};

/// The first line of every age file: how an encrypted backup is recognised.
pub const AGE_HEADER: &[u8] = b"age-encryption.org/v1\n";

/// The scrypt work factor (log2 N) our backups are written with: the `age` tool's own default,
/// about a second of work and 256 MiB of memory, so guessing a passphrase stays expensive.
pub const SCRYPT_WORK_FACTOR: u8 = 18;

/// The largest work factor a file may ask of us (the `age` tool's own limit): a crafted file
/// cannot make an import take minutes or more than 4 GiB of memory.
pub const MAX_SCRYPT_WORK_FACTOR: u8 = 22;

/// The shortest passphrase accepted for writing an encrypted backup, in characters.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Whether `bytes` begin like an age file.
pub fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_HEADER)
}

/// Whether the file at `path` begins like an age file (false if it cannot be read: the
/// import then reports the file as unreadable in its own words).
pub fn file_is_encrypted(path: &Path) -> bool {
    // Only a regular file is opened: reading a FIFO's first bytes would wait for a writer.
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::with_capacity(AGE_HEADER.len());
    file.take(AGE_HEADER.len() as u64)
        .read_to_end(&mut head)
        .is_ok()
        && is_encrypted(&head)
}

/// Checks a passphrase chosen for writing: not blank, at least [`MIN_PASSPHRASE_CHARS`].
pub fn check_new_passphrase(passphrase: &str) -> Result<()> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(JournalError::invalid(
            "passphrase",
            format!("a backup passphrase needs at least {MIN_PASSPHRASE_CHARS} characters"),
        ));
    }
    Ok(())
}

/// `plain` encrypted with `passphrase` as an age file (binary, not armored).
pub fn encrypt(plain: &[u8], passphrase: &str) -> Result<Vec<u8>> {
    check_new_passphrase(passphrase)?;
    // Sealing reads nothing: only the system's random numbers or the key derivation can fail.
    age_v1::seal(plain, passphrase, SCRYPT_WORK_FACTOR).map_err(|_| JournalError::BackupFailed {
        reason: "the backup could not be encrypted (the system's random numbers or the key \
                 derivation were not available)"
            .into(),
    })
}

/// The plain content of an encrypted backup read from `input`, at most `limit` bytes. Every
/// chunk is authenticated before anything is returned, so a truncated or changed file is
/// refused whole: `WrongPassphrase` when the passphrase does not open it, `ImportRejected`
/// naming the damage otherwise.
pub fn decrypt(input: impl Read, passphrase: &str, limit: usize) -> Result<Vec<u8>> {
    age_v1::open(input, passphrase, MAX_SCRYPT_WORK_FACTOR, limit)
        .map_err(|e| decrypt_error(e, limit))
}

fn rejected(reason: impl Into<String>) -> JournalError {
    JournalError::ImportRejected {
        reason: reason.into(),
    }
}

fn damaged() -> JournalError {
    rejected("the encrypted backup is damaged or incomplete (it was cut short or changed)")
}

/// The format's errors in our words. A wrong passphrase and a changed key stanza look the same
/// (the key does not decrypt), so both are `WrongPassphrase`.
fn decrypt_error(err: AgeError, limit: usize) -> JournalError {
    match err {
        AgeError::WrongPassphrase => JournalError::WrongPassphrase,
        AgeError::NotPassphrase => rejected(
            "the backup is encrypted to a key, not with a passphrase, so this app cannot open it",
        ),
        AgeError::ExcessiveWork { required } => rejected(format!(
            "the backup asks for scrypt work factor {required}, more than the \
             {MAX_SCRYPT_WORK_FACTOR} this app allows"
        )),
        AgeError::UnknownVersion => {
            rejected("the backup is encrypted in a newer format this app does not know")
        }
        AgeError::TooLarge => rejected(format!(
            "the backup is larger than {} MB, the most this app reads",
            limit / (1024 * 1024)
        )),
        AgeError::Header
        | AgeError::Mac
        | AgeError::Payload
        | AgeError::Crypto
        | AgeError::Io(_) => damaged(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASS: &str = "correct horse battery";

    #[test]
    fn a_backup_encrypts_and_decrypts_and_is_recognised() {
        let sealed = encrypt(b"{\"format\":1}", PASS).unwrap();
        assert!(is_encrypted(&sealed));
        assert!(!is_encrypted(b"{\"format\":1}"));
        assert_eq!(decrypt(&sealed[..], PASS, 1024).unwrap(), b"{\"format\":1}");
    }

    #[test]
    fn wrong_truncated_and_changed_files_are_typed_errors() {
        let sealed = encrypt(&[7u8; 100_000], PASS).unwrap();
        assert_eq!(
            decrypt(&sealed[..], "not the passphrase", usize::MAX),
            Err(JournalError::WrongPassphrase)
        );
        let cut = &sealed[..sealed.len() - 10];
        assert!(matches!(
            decrypt(cut, PASS, usize::MAX),
            Err(JournalError::ImportRejected { .. })
        ));
        let mut changed = sealed.clone();
        let last = changed.len() - 1;
        changed[last] ^= 1;
        assert!(matches!(
            decrypt(&changed[..], PASS, usize::MAX),
            Err(JournalError::ImportRejected { .. })
        ));
        // Over the size limit: refused, not read into memory without end.
        assert!(matches!(
            decrypt(&sealed[..], PASS, 1000),
            Err(JournalError::ImportRejected { reason }) if reason.contains("larger")
        ));
    }

    #[test]
    fn a_short_passphrase_is_refused_for_writing() {
        assert!(matches!(
            encrypt(b"x", "short"),
            Err(JournalError::InvalidInput { field, .. }) if field == "passphrase"
        ));
    }
}
