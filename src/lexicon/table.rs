//! The layout of the lexicon's word table, shared by the build script (which
//! lays the table out from the data files at compile time) and the library
//! (which probes it in place). Std only: `build.rs` includes this file.
//!
//! The table is one byte blob in the binary: one entry of [`ENTRY`] bytes
//! per bucket. A word's home bucket comes from its hash; it sits there or in
//! the first free bucket after it (linear probing, without wrapping: the
//! blob ends with enough spare buckets for the longest run). A free bucket
//! is all zeros ([`is_free`]: no key starts with a NUL byte), so a probe
//! compares keys bucket by bucket and stops at the first free one. Entries
//! are half a cache line: a word in the table is found after 2.15 entries
//! on average, within one cache line for nearly three words in four.

/// Longest single-word key, in bytes.
pub const MAX_WORD_LEN: usize = 24;

/// Bytes per entry: the key (24), the form's offset (4) and length (1), the
/// class (1), the ordinary flag (1) and one byte of padding.
pub const ENTRY: usize = 32;

/// Class codes stored in an entry, as the data files spell them; an entry's
/// code is the index here plus one, and 0 means no class (only ordinary).
/// Read by `build.rs`; the library decodes codes in `Slot::decode`, and a
/// test holds the two to the same order.
#[allow(dead_code)]
pub const CLASSES: [&str; 7] = [
    "name",
    "place",
    "ambiguous",
    "familiar",
    "given",
    "country",
    "acronym",
];

const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

#[inline]
pub fn mix(h: u64, x: u64) -> u64 {
    // The rotation brings the well-mixed middle bits of the product to both
    // ends: hash maps pick buckets by the low bits and tags by the top ones.
    (h ^ x).wrapping_mul(MULTIPLIER).rotate_left(29)
}

/// A word of at most [`MAX_WORD_LEN`] bytes, zero-padded into three machine
/// words: a probe compares 24 bytes in registers. No lexicon word holds a
/// NUL byte, and a word ending in one is not packed, so the padding tells
/// the length and two packed words are equal exactly when the words are.
#[inline]
pub fn pack(word: &[u8]) -> Option<[u64; 3]> {
    if word.len() > MAX_WORD_LEN || word.last() == Some(&0) {
        return None;
    }
    // Fixed-size loads instead of copying a variable length into a buffer
    // (a call into `memcpy` per probe): each machine word is read whole
    // where the word covers it, or as the eight bytes ending at the word's
    // end shifted down so that only the bytes past its start remain.
    let n = word.len();
    let part = |i: usize| -> u64 {
        let from = 8 * i;
        if n >= from + 8 {
            load(word, from)
        } else if n <= from {
            0
        } else if n >= 8 {
            load(word, n - 8) >> (8 * (from + 8 - n))
        } else {
            short(word)
        }
    };
    Some([part(0), part(1), part(2)])
}

/// The eight bytes of `word` from `at`.
#[inline]
fn load(word: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(word[at..at + 8].try_into().expect("8 bytes"))
}

/// A word of one to seven bytes, zero-padded, from two overlapping loads
/// of four bytes, or for one to three bytes from its first, middle and
/// last byte (which between them are every byte).
#[inline]
fn short(word: &[u8]) -> u64 {
    let n = word.len();
    let u32_at = |at: usize| u64::from(u32::from_le_bytes(word[at..at + 4].try_into().expect("4")));
    if n >= 4 {
        u32_at(0) | u32_at(n - 4) << (8 * (n - 4))
    } else {
        u64::from(word[0])
            | u64::from(word[n / 2]) << (8 * (n / 2))
            | u64::from(word[n - 1]) << (8 * (n - 1))
    }
}

/// A 64×64→128-bit multiply folded to 64 bits: every input bit reaches
/// every output bit, where a plain multiply carries only upward.
#[inline]
fn fold(x: u64, k: u64) -> u64 {
    let p = u128::from(x) * u128::from(k);
    p as u64 ^ (p >> 64) as u64
}

/// The hash of a packed key: one multiply for a word of up to eight bytes.
#[inline]
pub fn hash(key: &[u64; 3]) -> u64 {
    let h = fold(key[0] ^ 0x243f_6a88_85a3_08d3, MULTIPLIER);
    if key[1] == 0 {
        h
    } else {
        fold(fold(h ^ key[1], 0x1319_8a2e_0370_7344) ^ key[2], MULTIPLIER)
    }
}

/// The home bucket of a hash among `buckets` (any count, not only powers of
/// two: the high half of a 64×64-bit product).
#[inline]
pub fn home(h: u64, buckets: usize) -> usize {
    ((u128::from(h) * buckets as u128) >> 64) as usize
}

/// The bucket holds no word: its key's first eight bytes are zero, which
/// no packed word's are (a word is not empty and has no NUL byte).
#[inline]
pub fn is_free(entry: &[u8; ENTRY]) -> bool {
    entry[..8] == [0; 8]
}
