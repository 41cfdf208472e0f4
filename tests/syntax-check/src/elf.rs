//! The page alignment of a shared library's loadable segments, read from its ELF program
//! headers (what `readelf -lW` shows as `Align` of each `LOAD` row).
//!
//! Android 15+ devices with 16 KB pages refuse to load a library whose `LOAD` segments are
//! aligned to less than 16384 bytes ("program alignment (4096) cannot be smaller than system
//! page size (16384)").

use std::fmt;

/// The alignment Android's 16 KB page devices need.
pub const SIXTEEN_KB: u64 = 16_384;

/// `PT_LOAD`, the program header type of a loadable segment.
const PT_LOAD: u32 = 1;

/// Why a file's program headers could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ElfError {
    /// The file does not start with the ELF magic number.
    NotElf,
    /// The class (32/64-bit) or byte order byte is not one ELF defines.
    UnknownFormat,
    /// The header or a program header lies past the end of the file.
    Truncated,
}

impl fmt::Display for ElfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ElfError::NotElf => f.write_str("not an ELF file"),
            ElfError::UnknownFormat => f.write_str("unknown ELF class or byte order"),
            ElfError::Truncated => f.write_str("truncated ELF file"),
        }
    }
}

/// The `p_align` of every `PT_LOAD` program header, in file order.
pub fn load_alignments(bytes: &[u8]) -> Result<Vec<u64>, ElfError> {
    if bytes.get(..4) != Some(b"\x7fELF".as_slice()) {
        return Err(ElfError::NotElf);
    }
    let wide = match bytes.get(4) {
        Some(1) => false,
        Some(2) => true,
        _ => return Err(ElfError::UnknownFormat),
    };
    let little = match bytes.get(5) {
        Some(1) => true,
        Some(2) => false,
        _ => return Err(ElfError::UnknownFormat),
    };
    let read = Reader { bytes, little };
    // e_phoff, e_phentsize, e_phnum: offsets differ between ELF32 and ELF64.
    let (phoff, phentsize, phnum) = if wide {
        (read.u64(0x20)?, read.u16(0x36)?, read.u16(0x38)?)
    } else {
        (u64::from(read.u32(0x1c)?), read.u16(0x2a)?, read.u16(0x2c)?)
    };
    let mut alignments = Vec::new();
    for index in 0..u64::from(phnum) {
        let base = phoff
            .checked_add(index * u64::from(phentsize))
            .and_then(|offset| usize::try_from(offset).ok())
            .ok_or(ElfError::Truncated)?;
        let p_type = read.u32(base)?;
        if p_type != PT_LOAD {
            continue;
        }
        // p_align is the last field: at 0x30 in Elf64_Phdr, 0x1c in Elf32_Phdr.
        let align = if wide {
            read.u64(base + 0x30)?
        } else {
            u64::from(read.u32(base + 0x1c)?)
        };
        alignments.push(align);
    }
    Ok(alignments)
}

/// Problems with a library's alignment for 16 KB pages: no `LOAD` segment, or one aligned to
/// less than [`SIXTEEN_KB`].
pub fn check_sixteen_kb(bytes: &[u8]) -> Result<Vec<String>, ElfError> {
    let alignments = load_alignments(bytes)?;
    if alignments.is_empty() {
        return Ok(vec!["no LOAD segment".to_string()]);
    }
    Ok(alignments
        .iter()
        .enumerate()
        .filter(|(_, align)| **align < SIXTEEN_KB)
        .map(|(index, align)| {
            format!("LOAD segment {index} is aligned to {align} bytes, below {SIXTEEN_KB}")
        })
        .collect())
}

struct Reader<'a> {
    bytes: &'a [u8],
    little: bool,
}

impl Reader<'_> {
    fn array<const N: usize>(&self, offset: usize) -> Result<[u8; N], ElfError> {
        let end = offset.checked_add(N).ok_or(ElfError::Truncated)?;
        let slice = self.bytes.get(offset..end).ok_or(ElfError::Truncated)?;
        slice.try_into().map_err(|_| ElfError::Truncated)
    }

    fn u16(&self, offset: usize) -> Result<u16, ElfError> {
        let raw = self.array::<2>(offset)?;
        Ok(if self.little {
            u16::from_le_bytes(raw)
        } else {
            u16::from_be_bytes(raw)
        })
    }

    fn u32(&self, offset: usize) -> Result<u32, ElfError> {
        let raw = self.array::<4>(offset)?;
        Ok(if self.little {
            u32::from_le_bytes(raw)
        } else {
            u32::from_be_bytes(raw)
        })
    }

    fn u64(&self, offset: usize) -> Result<u64, ElfError> {
        let raw = self.array::<8>(offset)?;
        Ok(if self.little {
            u64::from_le_bytes(raw)
        } else {
            u64::from_be_bytes(raw)
        })
    }
}
