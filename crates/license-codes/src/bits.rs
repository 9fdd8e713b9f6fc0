//! Big-endian bit strings: fields are packed most significant bit first, and
//! the string is cut into 5-bit symbols the same way.

use crate::check::DATA_SYMBOLS;

#[derive(Debug, Default, Clone)]
pub struct BitWriter {
    bytes: Vec<u8>,
    len: usize,
}

impl BitWriter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends the low `width` bits of `value`.
    pub fn push(&mut self, value: u64, width: u32) {
        debug_assert!(width <= 64 && (width == 64 || value >> width == 0));
        for i in (0..width).rev() {
            self.push_bit((value >> i) & 1 == 1);
        }
    }

    pub fn push_bytes(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.push(u64::from(*b), 8);
        }
    }

    fn push_bit(&mut self, bit: bool) {
        if self.len.is_multiple_of(8) {
            self.bytes.push(0);
        }
        if bit {
            self.bytes[self.len / 8] |= 0x80 >> (self.len % 8);
        }
        self.len += 1;
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// The bits so far as bytes, the last byte padded with zero bits.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The bits as 5-bit symbols, padded with zero bits to whole groups.
    pub fn to_group_symbols(&self) -> Vec<u8> {
        let group_bits = DATA_SYMBOLS * 5;
        let total = self.len.div_ceil(group_bits) * group_bits;
        let mut reader = BitReader::new(&self.bytes, self.len);
        let mut symbols = Vec::with_capacity(total / 5);
        for _ in 0..total / 5 {
            let available = reader.remaining().min(5);
            let value = reader.read(available as u32).unwrap_or(0) << (5 - available);
            symbols.push(value as u8);
        }
        symbols
    }
}

/// Packs 5-bit symbols into bytes (the last byte padded with zero bits).
pub fn symbols_to_bytes(symbols: &[u8]) -> Vec<u8> {
    let mut writer = BitWriter::new();
    for s in symbols {
        writer.push(u64::from(*s), 5);
    }
    writer.bytes
}

pub struct BitReader<'a> {
    bytes: &'a [u8],
    len: usize,
    position: usize,
}

impl<'a> BitReader<'a> {
    pub fn new(bytes: &'a [u8], len: usize) -> Self {
        Self { bytes, len: len.min(bytes.len() * 8), position: 0 }
    }

    pub fn position(&self) -> usize {
        self.position
    }

    pub fn remaining(&self) -> usize {
        self.len - self.position
    }

    /// Reads `width` bits (at most 64), or `None` past the end.
    pub fn read(&mut self, width: u32) -> Option<u64> {
        if width as usize > self.remaining() {
            return None;
        }
        let mut value = 0u64;
        for _ in 0..width {
            let bit = (self.bytes[self.position / 8] >> (7 - self.position % 8)) & 1;
            value = (value << 1) | u64::from(bit);
            self.position += 1;
        }
        Some(value)
    }

    /// The first `bits` bits of the source as bytes, the tail zero-padded.
    pub fn prefix_bytes(&self, bits: usize) -> Vec<u8> {
        let mut out = self.bytes[..bits.div_ceil(8)].to_vec();
        if !bits.is_multiple_of(8) {
            if let Some(last) = out.last_mut() {
                *last &= 0xFF << (8 - bits % 8);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_reads_back() {
        let mut w = BitWriter::new();
        w.push(0b10001, 5);
        w.push(0xBEEF, 16);
        w.push(1, 1);
        let symbols = w.to_group_symbols();
        assert_eq!(symbols.len(), 5);
        assert_eq!(symbols[0], 0b10001);
        let bytes = symbols_to_bytes(&symbols);
        let mut r = BitReader::new(&bytes, symbols.len() * 5);
        assert_eq!(r.read(5), Some(0b10001));
        assert_eq!(r.read(16), Some(0xBEEF));
        assert_eq!(r.read(1), Some(1));
        assert_eq!(r.read(3), Some(0));
        assert_eq!(r.read(64), None);
    }
}
