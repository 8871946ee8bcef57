//! A streaming ZIP writer for the research export: entries stored (not
//! compressed: CSV of ids and numbers, and compression would cost the
//! export's CPU on a small server), each followed by a data descriptor so
//! nothing is written before its size is known, then the central directory.
//! The bytes collect in a buffer that the caller drains as it goes. Without
//! ZIP64 an entry and the archive stay under 4 GiB.

use crc::{Crc, Digest, CRC_32_ISO_HDLC};

static CRC32: Crc<u32> = Crc::<u32>::new(&CRC_32_ISO_HDLC);
/// General purpose flags: sizes in a data descriptor (bit 3), UTF-8 names (bit 11).
const FLAGS: u16 = 0x0808;

struct Entry {
    name: String,
    crc: u32,
    size: u32,
    offset: u32,
}

struct Open {
    name: String,
    digest: Digest<'static, u32>,
    size: u64,
    offset: u64,
}

pub struct ZipWriter {
    buf: Vec<u8>,
    written: u64,
    entries: Vec<Entry>,
    open: Option<Open>,
    /// MS-DOS time and date of every entry.
    dos: (u16, u16),
}

/// An archive too large for a ZIP without ZIP64.
#[derive(Debug)]
pub struct TooLarge;

impl ZipWriter {
    /// A new archive whose entries are dated `day` (midnight).
    pub fn new(day: time::Date) -> ZipWriter {
        let date = ((day.year().clamp(1980, 2107) - 1980) as u16) << 9
            | u16::from(u8::from(day.month())) << 5
            | u16::from(day.day());
        ZipWriter { buf: Vec::new(), written: 0, entries: Vec::new(), open: None, dos: (0, date) }
    }

    fn put(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
        self.written += bytes.len() as u64;
    }

    fn u16(&mut self, v: u16) {
        self.put(&v.to_le_bytes());
    }

    fn u32(&mut self, v: u32) {
        self.put(&v.to_le_bytes());
    }

    /// Starts an entry (closing the one before).
    pub fn start(&mut self, name: &str) -> Result<(), TooLarge> {
        self.finish_entry()?;
        let offset = self.written;
        self.u32(0x0403_4b50);
        self.u16(20);
        self.u16(FLAGS);
        self.u16(0);
        let (t, d) = self.dos;
        self.u16(t);
        self.u16(d);
        self.u32(0);
        self.u32(0);
        self.u32(0);
        self.u16(name.len() as u16);
        self.u16(0);
        self.put(name.as_bytes());
        self.open = Some(Open { name: name.to_string(), digest: CRC32.digest(), size: 0, offset });
        Ok(())
    }

    /// Appends to the open entry.
    pub fn write(&mut self, bytes: &[u8]) {
        if let Some(o) = self.open.as_mut() {
            o.digest.update(bytes);
            o.size += bytes.len() as u64;
        }
        self.put(bytes);
    }

    fn finish_entry(&mut self) -> Result<(), TooLarge> {
        let Some(o) = self.open.take() else { return Ok(()) };
        let crc = o.digest.finalize();
        let size = u32::try_from(o.size).map_err(|_| TooLarge)?;
        let offset = u32::try_from(o.offset).map_err(|_| TooLarge)?;
        self.u32(0x0807_4b50);
        self.u32(crc);
        self.u32(size);
        self.u32(size);
        self.entries.push(Entry { name: o.name, crc, size, offset });
        Ok(())
    }

    /// Closes the archive with its central directory.
    pub fn finish(&mut self) -> Result<(), TooLarge> {
        self.finish_entry()?;
        let start = u32::try_from(self.written).map_err(|_| TooLarge)?;
        let entries = std::mem::take(&mut self.entries);
        for e in &entries {
            self.u32(0x0201_4b50);
            self.u16(20);
            self.u16(20);
            self.u16(FLAGS);
            self.u16(0);
            let (t, d) = self.dos;
            self.u16(t);
            self.u16(d);
            self.u32(e.crc);
            self.u32(e.size);
            self.u32(e.size);
            self.u16(e.name.len() as u16);
            self.u16(0);
            self.u16(0);
            self.u16(0);
            self.u16(0);
            self.u32(0);
            self.u32(e.offset);
            self.put(e.name.as_bytes());
        }
        let size = u32::try_from(self.written).map_err(|_| TooLarge)? - start;
        self.u32(0x0605_4b50);
        self.u16(0);
        self.u16(0);
        self.u16(entries.len() as u16);
        self.u16(entries.len() as u16);
        self.u32(size);
        self.u32(start);
        self.u16(0);
        Ok(())
    }

    /// The bytes written since the last call.
    pub fn take(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.buf)
    }

    /// Bytes waiting in the buffer.
    pub fn pending(&self) -> usize {
        self.buf.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_archive_python_can_read() {
        let mut z = ZipWriter::new(time::macros::date!(2026 - 12 - 05));
        z.start("a.csv").unwrap();
        z.write(b"x,y\n1,2\n");
        z.start("b.csv").unwrap();
        z.write(b"z\n");
        z.finish().unwrap();
        let bytes = z.take();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.zip");
        std::fs::write(&path, &bytes).unwrap();
        let out = std::process::Command::new("python3")
            .args(["-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(z.read('a.csv').decode() + z.read('b.csv').decode(), end='')"])
            .arg(&path)
            .output()
            .expect("python3");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stdout), "x,y\n1,2\nz\n");
    }
}
