//! A minimal zip writer: stored (uncompressed) entries, which every wheel
//! installer reads. Enough for a wheel: a few files, none over 4 GiB.

use anyhow::{Result, bail};

/// A zip archive being written in memory.
#[derive(Default)]
pub struct Zip {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
}

impl Zip {
    /// Adds a file named `name` (forward slashes) with `data`.
    pub fn add(&mut self, name: &str, data: &[u8]) -> Result<()> {
        let (Ok(size), Ok(offset), Ok(name_len)) = (u32::try_from(data.len()), u32::try_from(self.out.len()), u16::try_from(name.len()))
        else {
            bail!("`{name}` is too large for this zip writer");
        };
        let crc = crc32fast::hash(data);
        // Version 2.0, no flags, stored, a fixed timestamp (1980-01-01) for
        // reproducible wheels.
        let common = |v: &mut Vec<u8>| {
            v.extend_from_slice(&20u16.to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes());
            v.extend_from_slice(&0x21u16.to_le_bytes());
            v.extend_from_slice(&crc.to_le_bytes());
            v.extend_from_slice(&size.to_le_bytes());
            v.extend_from_slice(&size.to_le_bytes());
            v.extend_from_slice(&name_len.to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes());
        };
        self.out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        common(&mut self.out);
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(data);

        self.central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        self.central.extend_from_slice(&0x0314u16.to_le_bytes()); // made by: Unix, 2.0
        common(&mut self.central);
        self.central.extend_from_slice(&0u16.to_le_bytes()); // comment length
        self.central.extend_from_slice(&0u16.to_le_bytes()); // disk
        self.central.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
        self.central.extend_from_slice(&(0o100644u32 << 16).to_le_bytes()); // rw-r--r--
        self.central.extend_from_slice(&offset.to_le_bytes());
        self.central.extend_from_slice(name.as_bytes());
        self.entries += 1;
        Ok(())
    }

    /// The finished archive.
    pub fn finish(mut self) -> Result<Vec<u8>> {
        let (Ok(start), Ok(len)) = (u32::try_from(self.out.len()), u32::try_from(self.central.len())) else {
            bail!("archive too large for this zip writer");
        };
        self.out.extend_from_slice(&self.central);
        self.out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        self.out.extend_from_slice(&[0; 4]); // disk numbers
        self.out.extend_from_slice(&self.entries.to_le_bytes());
        self.out.extend_from_slice(&self.entries.to_le_bytes());
        self.out.extend_from_slice(&len.to_le_bytes());
        self.out.extend_from_slice(&start.to_le_bytes());
        self.out.extend_from_slice(&0u16.to_le_bytes());
        Ok(self.out)
    }
}
