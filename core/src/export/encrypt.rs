//! Encrypted backups in the `age` format (age-encryption.org/v1) with a passphrase (scrypt
//! recipient), so a backup in a cloud folder reveals nothing. The `age` command-line tool opens
//! ours with the same passphrase, and we open files it wrote. The passphrase is only used for
//! the call: the core never stores it (docs/backups.md says where the apps keep it).

use std::io::{BufReader, Read, Write};
use std::iter;
use std::path::Path;

use age::secrecy::SecretString;
use age::DecryptError;

use crate::error::{JournalError, Result};
use crate::export::archive::Limited;

/// The first line of every age file: how an encrypted backup is recognised.
pub const AGE_HEADER: &[u8] = b"age-encryption.org/v1\n";

/// The scrypt work factor (log2 N) our backups are written with: the `age` tool's own default,
/// about a second of work and 256 MiB of memory, so guessing a passphrase stays expensive.
pub const SCRYPT_WORK_FACTOR: u8 = 18;

/// The largest work factor a file may ask of us (the `age` tool's own limit): a crafted file
/// cannot make an import take minutes or gigabytes of memory.
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

fn secret(passphrase: &str) -> SecretString {
    SecretString::from(passphrase.to_owned())
}

/// `plain` encrypted with `passphrase` as an age file (binary, not armored).
pub fn encrypt(plain: &[u8], passphrase: &str) -> Result<Vec<u8>> {
    check_new_passphrase(passphrase)?;
    let failed = |e: std::io::Error| JournalError::BackupFailed {
        reason: format!("the backup could not be encrypted ({e})"),
    };
    let mut recipient = age::scrypt::Recipient::new(secret(passphrase));
    recipient.set_work_factor(SCRYPT_WORK_FACTOR);
    let encryptor = age::Encryptor::with_recipients(iter::once(&recipient as &dyn age::Recipient))
        .map_err(|e| JournalError::BackupFailed {
            reason: format!("the backup could not be encrypted ({e})"),
        })?;
    let mut out = Vec::with_capacity(plain.len() + 256);
    let mut writer = encryptor.wrap_output(&mut out).map_err(failed)?;
    writer.write_all(plain).map_err(failed)?;
    writer.finish().map_err(failed)?;
    Ok(out)
}

/// The plain content of an encrypted backup read from `input`, at most `limit` bytes. Every
/// chunk is authenticated before anything is returned, so a truncated or changed file is
/// refused whole: `WrongPassphrase` when the passphrase does not open it, `ImportRejected`
/// naming the damage otherwise.
pub fn decrypt(input: impl Read, passphrase: &str, limit: usize) -> Result<Vec<u8>> {
    let decryptor = age::Decryptor::new_buffered(BufReader::new(input)).map_err(decrypt_error)?;
    if !decryptor.is_scrypt() {
        return Err(rejected(
            "the backup is encrypted to a key, not with a passphrase, so this app cannot open it",
        ));
    }
    let mut identity = age::scrypt::Identity::new(secret(passphrase));
    identity.set_max_work_factor(MAX_SCRYPT_WORK_FACTOR);
    let reader = decryptor
        .decrypt(iter::once(&identity as &dyn age::Identity))
        .map_err(decrypt_error)?;
    let mut limited = Limited::new(reader, limit);
    let mut plain = Vec::new();
    match limited.read_to_end(&mut plain) {
        Ok(_) => Ok(plain),
        Err(_) if limited.exceeded => Err(rejected(format!(
            "the backup is larger than {} MB, the most this app reads",
            limit / (1024 * 1024)
        ))),
        Err(_) => Err(damaged()),
    }
}

fn rejected(reason: impl Into<String>) -> JournalError {
    JournalError::ImportRejected {
        reason: reason.into(),
    }
}

fn damaged() -> JournalError {
    rejected("the encrypted backup is damaged or incomplete (it was cut short or changed)")
}

/// age's errors in our words. A wrong passphrase and a changed key stanza look the same to
/// age (the key does not decrypt), so both are `WrongPassphrase`.
fn decrypt_error(err: DecryptError) -> JournalError {
    match err {
        DecryptError::DecryptionFailed
        | DecryptError::KeyDecryptionFailed
        | DecryptError::NoMatchingKeys => JournalError::WrongPassphrase,
        DecryptError::ExcessiveWork { required, .. } => rejected(format!(
            "the backup asks for scrypt work factor {required}, more than the \
             {MAX_SCRYPT_WORK_FACTOR} this app allows"
        )),
        DecryptError::UnknownFormat => {
            rejected("the backup is encrypted in a newer format this app does not know")
        }
        DecryptError::InvalidHeader | DecryptError::InvalidMac | DecryptError::Io(_) => damaged(),
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
