//! The passphrase of an encrypted backup: from a file (`--passphrase-file`, its first line), or
//! asked for — on the terminal without echo, or as one line of standard input when that is not
//! a terminal. Never from the command line, where other users and the shell history see it.

use std::io::{BufRead, IsTerminal};
use std::path::Path;

use crate::error::{CliError, CliResult};

/// The passphrase from `file` if given, else asked for with `prompt`.
pub fn read(file: Option<&Path>, prompt: &str) -> CliResult<String> {
    let line = match file {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                CliError::Other(format!(
                    "cannot read the passphrase file {}: {e}",
                    path.display()
                ))
            })?;
            text.lines().next().unwrap_or_default().to_string()
        }
        None if std::io::stdin().is_terminal() => rpassword::prompt_password(prompt)
            .map_err(|e| CliError::Other(format!("cannot read the passphrase: {e}")))?,
        None => {
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .map_err(|e| CliError::Other(format!("cannot read the passphrase: {e}")))?;
            line.trim_end_matches(['\n', '\r']).to_string()
        }
    };
    if line.is_empty() {
        return Err(CliError::invalid("passphrase", "is empty"));
    }
    Ok(line)
}
