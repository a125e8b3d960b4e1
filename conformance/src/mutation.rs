//! Deterministic mutation of module binaries, so that every engine sees the
//! same malformed inputs (used by the suite and by the Pyodide fuzzing run).

/// A tiny deterministic PRNG (xorshift64*).
pub struct XorShift(pub u64);

impl XorShift {
    /// The next pseudo-random number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// Applies one random edit to `bytes` (a bit flip, a byte overwrite, a
/// truncation, an insertion or a removal), mostly past the 8-byte header where
/// it is interesting, and says what it did.
pub fn mutate(rng: &mut XorShift, bytes: &mut Vec<u8>) -> String {
    if bytes.is_empty() {
        let byte = rng.next_u64() as u8;
        bytes.push(byte);
        return format!("push {byte:#x}");
    }
    let len = bytes.len();
    let at = if len > 8 && rng.below(8) != 0 { 8 + rng.below(len - 8) } else { rng.below(len) };
    match rng.below(5) {
        0 => {
            let bit = 1u8 << rng.below(8);
            bytes[at] ^= bit;
            format!("flip bit {bit:#x} at {at}")
        }
        1 => {
            let byte = rng.next_u64() as u8;
            bytes[at] = byte;
            format!("set byte {at} to {byte:#x}")
        }
        2 => {
            bytes.truncate(at);
            format!("truncate to {at}")
        }
        3 => {
            let byte = rng.next_u64() as u8;
            bytes.insert(at, byte);
            format!("insert {byte:#x} at {at}")
        }
        _ => {
            bytes.remove(at);
            format!("remove byte {at}")
        }
    }
}
