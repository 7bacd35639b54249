//! The importer's table from a contact's or account's key to its number.
//!
//! Looked up on every row of a file (twice for an event log with accounts), so it is built for
//! that: one hash per key, and keys of up to [`INLINE`] bytes (ids like `c0012345`, HubSpot's
//! numeric ids, short e-mail addresses) kept in the table itself as one 128-bit number, so finding
//! one is a compare of two numbers and reads no other memory (comparing byte slices called
//! `memcmp`, a tenth of the native import). A
//! `HashMap<String, u32>` followed each key's pointer to its own allocation, a cache miss per row
//! that was most of the lookup's time (a browser profile put the lookups at a quarter of a
//! 1M-row import). Longer keys are compared with the key the caller stored under that number.

use std::hash::BuildHasher;

use hashbrown::HashTable;

/// Bytes of a key kept in the table.
const INLINE: usize = 16;

/// A key of at most [`INLINE`] bytes as one number (its bytes, zero-padded); `None` for a longer
/// key. Keys of different lengths differ as numbers too, once the length is compared.
fn inline(key: &[u8]) -> Option<u128> {
    let mut bytes = [0; INLINE];
    bytes.get_mut(..key.len())?.copy_from_slice(key);
    Some(u128::from_le_bytes(bytes))
}

/// One key: its hash, its number and, when short enough, its bytes (32 bytes in all).
#[derive(Clone, Copy, Debug)]
struct Slot {
    hash: u64,
    number: u32,
    /// The key's length when it is at most [`INLINE`]; `u32::MAX` for a longer key.
    len: u32,
    bytes: u128,
}

/// Keys to numbers (see the module's overview). The numbers are the caller's (a contact's index);
/// the keys of numbers longer than [`INLINE`] bytes are read back through the caller's `stored`.
#[derive(Debug, Default)]
pub struct KeyIndex {
    table: HashTable<Slot>,
    state: foldhash::fast::RandomState,
}

impl KeyIndex {
    /// The hash of `key`, for [`Self::get`] and [`Self::insert`].
    pub fn hash(&self, key: &str) -> u64 {
        self.state.hash_one(key.as_bytes())
    }

    /// The number of `key` (whose [`Self::hash`] is `hash`), if it was inserted. `stored(n)` is
    /// the key inserted with number `n`; it is called only for keys longer than [`INLINE`].
    pub fn get<'a>(&self, key: &str, hash: u64, stored: impl Fn(u32) -> &'a str) -> Option<u32> {
        let bytes = key.as_bytes();
        let found = match inline(bytes) {
            Some(short) => {
                let len = bytes.len() as u32;
                self.table
                    .find(hash, |s| s.bytes == short && s.len == len && s.hash == hash)
            }
            None => self.table.find(hash, |s| {
                s.len == u32::MAX && s.hash == hash && stored(s.number) == key
            }),
        };
        found.map(|s| s.number)
    }

    /// Adds `key` (hash `hash`, not in the table) with `number`.
    pub fn insert(&mut self, key: &str, hash: u64, number: u32) {
        let bytes = key.as_bytes();
        let slot = match inline(bytes) {
            Some(short) => Slot {
                hash,
                number,
                len: bytes.len() as u32,
                bytes: short,
            },
            None => Slot {
                hash,
                number,
                len: u32::MAX,
                bytes: 0,
            },
        };
        self.table.insert_unique(hash, slot, |s| s.hash);
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Inserts `keys` numbered in order, as the dataset builder does.
    fn index(keys: &[String]) -> KeyIndex {
        let mut ix = KeyIndex::default();
        for (n, k) in keys.iter().enumerate() {
            let h = ix.hash(k);
            assert_eq!(ix.get(k, h, |n| &keys[n as usize]), None, "{k} is new");
            ix.insert(k, h, n as u32);
        }
        ix
    }

    #[test]
    fn finds_short_long_and_boundary_keys_and_only_those() {
        let keys: Vec<String> = [
            "",
            "a",
            "c0012345",
            "0031t00000ABCDEF",     // 16 bytes: the longest kept inline
            "0031t00000ABCDEFG",    // 17: read back through `stored`
            "0031t00000ABCDEFGHIJ", // 20
            "a\0",                  // a zero byte is not padding
            "a\0\0",
            "someone.with.a.long.address@example.com",
            "Ким Ёлка",
            "김민지",
        ]
        .map(String::from)
        .to_vec();
        let ix = index(&keys);
        assert_eq!(ix.len(), keys.len());
        for (n, k) in keys.iter().enumerate() {
            let h = ix.hash(k);
            assert_eq!(ix.get(k, h, |n| &keys[n as usize]), Some(n as u32), "{k}");
        }
        for missing in [
            "c001234",
            "c00123456",
            "0031t00000ABCDEf",
            "0031t00000ABCDEFg",
            "0031t00000ABCDEFGHIj",
            "a\0\0\0",
            "someone.with.a.long.address@example.co",
            " a",
            "Ким Ёлкa",
        ] {
            let h = ix.hash(missing);
            assert_eq!(ix.get(missing, h, |n| &keys[n as usize]), None, "{missing}");
        }
    }

    #[test]
    fn a_hundred_thousand_keys_keep_their_numbers_through_growth() {
        let keys: Vec<String> = (0..100_000)
            .map(|i| {
                if i % 3 == 0 {
                    format!("contact-{i:06}@a-rather-long-domain.example")
                } else {
                    format!("c{i}")
                }
            })
            .collect();
        let ix = index(&keys);
        assert_eq!(ix.len(), 100_000);
        for (n, k) in keys.iter().enumerate().step_by(7) {
            let h = ix.hash(k);
            assert_eq!(ix.get(k, h, |n| &keys[n as usize]), Some(n as u32));
        }
    }

    #[test]
    fn a_long_key_is_not_taken_for_a_short_one_with_the_same_start() {
        // A long key's slot holds no bytes: only `stored` can match it.
        let keys = vec!["x".repeat(40), "x".repeat(16)];
        let ix = index(&keys);
        let h = ix.hash(&keys[1]);
        assert_eq!(ix.get(&keys[1], h, |n| &keys[n as usize]), Some(1));
    }
}
