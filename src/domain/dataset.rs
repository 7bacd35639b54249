//! Imported CRM data: the contacts (or deals) of a file, the accounts they roll up to, and
//! their activity events.
//!
//! This is the contract between the CSV importer (which builds a [`Dataset`] through
//! [`DatasetBuilder`]) and the rules engine (which reads it). Two shapes of file feed it:
//!
//! * a **record snapshot**: one row per contact, deal or account, with a status field and
//!   milestone dates (created, became lead / MQL / SQL, closed), amount, owner and source;
//! * an **event log**: one row per activity (contact, account, time, type, channel, value).
//!
//! Times are whole seconds since 1970-01-01 UTC ([`Time`]); a date without a time of day is
//! midnight UTC. Strings that repeat a lot (event types, channels) are interned in a [`Vocab`].

use std::collections::HashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::key_index::KeyIndex;

/// Seconds since 1970-01-01T00:00:00Z.
pub type Time = i64;

/// Seconds in a day, for windows and decay written in days.
pub const DAY: Time = 86_400;

/// Which kind of file a dataset came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// One row per contact, deal or account.
    Records,
    /// One row per activity.
    Events,
}

/// A hash map with a fast hasher (foldhash, seeded at random per process), for the tables the
/// importer looks up on every row: SipHash was a tenth of a 1M-row import.
pub type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// Up to this many names, [`Vocab::intern`] compares with each instead of hashing.
const SCAN_VOCAB: usize = 16;

/// Interned strings: each distinct value gets a small number, in order of first sight.
/// Serialised as its list of names; the index is rebuilt when read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "Vec<String>", into = "Vec<String>")]
pub struct Vocab {
    names: Vec<String>,
    index: FastMap<String, u32>,
}

impl From<Vec<String>> for Vocab {
    fn from(names: Vec<String>) -> Vocab {
        let index = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i as u32))
            .collect();
        Vocab { names, index }
    }
}

impl From<Vocab> for Vec<String> {
    fn from(v: Vocab) -> Vec<String> {
        v.names
    }
}

impl Vocab {
    /// The number for `name`, adding it if it is new.
    pub fn intern(&mut self, name: &str) -> u32 {
        // Event types and channels are few: comparing with each beats hashing on every row.
        if self.names.len() <= SCAN_VOCAB {
            if let Some(i) = self.names.iter().position(|n| n == name) {
                return i as u32;
            }
        } else if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.to_owned());
        self.index.insert(name.to_owned(), i);
        i
    }

    /// The number of `name`, if it was seen.
    pub fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }

    /// The string behind a number.
    pub fn name(&self, i: u32) -> &str {
        &self.names[i as usize]
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn names(&self) -> &[String] {
        &self.names
    }
}

/// The milestone dates a CRM keeps on a contact or deal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Milestones {
    pub created: Option<Time>,
    pub lead: Option<Time>,
    pub mql: Option<Time>,
    pub sql: Option<Time>,
    pub closed: Option<Time>,
}

/// One contact, deal or account row (or, for an event log, one distinct contact).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    /// The id column's value (or the name, or the row number when the file has no id).
    pub key: String,
    /// A display name, when the file has one.
    pub name: Option<String>,
    /// Index into [`Dataset::accounts`].
    pub account: Option<u32>,
    /// The CRM's own stage or status field ("Closed Won", "MQL", "Customer").
    pub status: Option<String>,
    pub dates: Milestones,
    pub amount: Option<f64>,
    pub owner: Option<String>,
    pub source: Option<String>,
    /// Values of the other kept columns, in the order of [`Dataset::fields`].
    pub extra: Vec<Option<String>>,
    /// This contact's events: a range into [`Dataset::events`] (sorted by time).
    pub events: Range<u32>,
}

/// A company that contacts roll up to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Account {
    pub key: String,
}

/// One activity of one contact, in 24 bytes (a million events are 24 MB; with `Option`s for the
/// channel and value they were 40). Event types and channels are numbered in 16 bits, so a file
/// has at most [`MAX_KINDS`] of each; a row that would pass that is reported, not imported.
#[derive(Clone, Copy, PartialEq)]
pub struct Event {
    pub time: Time,
    /// The value's bits; [`NO_VALUE`] when the row had none.
    value: u64,
    /// Index into [`Dataset::contacts`].
    pub contact: u32,
    kind: u16,
    /// [`NO_CHANNEL`] when the row named none.
    channel: u16,
}

/// The most event types, and the most channels, a file can have.
pub const MAX_KINDS: usize = NO_CHANNEL as usize;

/// Which vocabulary a row would have taken past [`MAX_KINDS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TooManyKinds {
    EventTypes,
    Channels,
}

/// A NaN no number a file holds reads as (parsing gives the canonical NaN, 0x7ff8…): "no value".
const NO_VALUE: u64 = 0x7ff4_0000_0000_0001;
const NO_CHANNEL: u16 = u16::MAX;

impl Event {
    /// An event; `kind` and `channel` are below [`MAX_KINDS`] (the builder checks).
    pub fn new(
        contact: u32,
        time: Time,
        kind: u32,
        channel: Option<u32>,
        value: Option<f64>,
    ) -> Event {
        debug_assert!(
            (kind as usize) < MAX_KINDS && channel.is_none_or(|c| (c as usize) < MAX_KINDS)
        );
        Event {
            time,
            value: value.map_or(NO_VALUE, f64::to_bits),
            contact,
            kind: kind as u16,
            channel: channel.map_or(NO_CHANNEL, |c| c as u16),
        }
    }

    /// Index into [`Dataset::event_types`].
    pub fn kind(&self) -> u32 {
        u32::from(self.kind)
    }

    /// Index into [`Dataset::channels`], if the row named one.
    pub fn channel(&self) -> Option<u32> {
        (self.channel != NO_CHANNEL).then_some(u32::from(self.channel))
    }

    pub fn value(&self) -> Option<f64> {
        (self.value != NO_VALUE).then(|| f64::from_bits(self.value))
    }
}

impl std::fmt::Debug for Event {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Event")
            .field("contact", &self.contact)
            .field("time", &self.time)
            .field("kind", &self.kind())
            .field("channel", &self.channel())
            .field("value", &self.value())
            .finish()
    }
}

/// Everything imported from one file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub shape: Shape,
    /// Names of the extra columns kept on each contact (lower-case header names).
    pub fields: Vec<String>,
    pub contacts: Vec<Contact>,
    pub accounts: Vec<Account>,
    /// Sorted by contact, then time.
    #[serde(with = "event_bytes")]
    pub events: Vec<Event>,
    pub event_types: Vocab,
    pub channels: Vocab,
    /// The latest time seen anywhere in the file: "now" for recency and decay unless the
    /// caller gives another date.
    pub latest: Option<Time>,
}

/// The events as one block of fixed-size little-endian records when serialised: a million
/// events are read back by a plain loop, where serde's field-by-field path was the slowest
/// part of handing a dataset from the worker to the page.
pub(crate) mod event_bytes {
    use serde::{Deserializer, Serializer};

    use super::Event;

    /// contact u32, time i64, kind u16, channel u16 (`u16::MAX`: none), value bits u64 (a NaN
    /// that no number reads as: none); all little-endian.
    const SIZE: usize = 4 + 8 + 2 + 2 + 8;

    pub fn serialize<S: Serializer>(events: &[Event], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&to_bytes(events))
    }

    /// The events as one block of records.
    pub fn to_bytes(events: &[Event]) -> Vec<u8> {
        let mut out = Vec::with_capacity(events.len() * SIZE);
        for e in events {
            out.extend_from_slice(&e.contact.to_le_bytes());
            out.extend_from_slice(&e.time.to_le_bytes());
            out.extend_from_slice(&e.kind.to_le_bytes());
            out.extend_from_slice(&e.channel.to_le_bytes());
            out.extend_from_slice(&e.value.to_le_bytes());
        }
        out
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Event>, D::Error> {
        d.deserialize_bytes(Records)
    }

    /// Reads the records straight from the bytes (postcard lends them: no copy of the block).
    pub fn decode<E: serde::de::Error>(bytes: &[u8]) -> Result<Vec<Event>, E> {
        if bytes.len() % SIZE != 0 {
            return Err(E::custom("events: cut short"));
        }
        let u16_at = |b: &[u8], i: usize| u16::from_le_bytes([b[i], b[i + 1]]);
        let u32_at = |b: &[u8], i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        let u64_at = |b: &[u8], i: usize| {
            let mut x = [0u8; 8];
            x.copy_from_slice(&b[i..i + 8]);
            u64::from_le_bytes(x)
        };
        Ok(bytes
            .chunks_exact(SIZE)
            .map(|b| Event {
                contact: u32_at(b, 0),
                time: u64_at(b, 4) as i64,
                kind: u16_at(b, 12),
                channel: u16_at(b, 14),
                value: u64_at(b, 16),
            })
            .collect())
    }

    struct Records;

    impl<'de> serde::de::Visitor<'de> for Records {
        type Value = Vec<Event>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("event records as bytes")
        }
        fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Vec<Event>, E> {
            decode(v)
        }
        // A self-describing format (JSON) writes the bytes as a list of numbers.
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Vec<Event>, A::Error> {
            let mut out = Vec::new();
            while let Some(b) = a.next_element::<u8>()? {
                out.push(b);
            }
            decode(&out)
        }
    }
}

/// The fields every contact has, by the name rules use for them.
pub const BUILTIN_FIELDS: [&str; 11] = [
    "id", "name", "account", "status", "owner", "source", "amount", "created", "lead", "mql", "sql",
];

impl Dataset {
    /// The value of a named field on a contact, as text: a built-in field (see
    /// [`BUILTIN_FIELDS`], plus `closed`) or a kept extra column. Dates come back as
    /// `YYYY-MM-DD`. Names are matched case-insensitively.
    pub fn field(&self, contact: &Contact, name: &str) -> Option<String> {
        let name = name.to_ascii_lowercase();
        let date = |t: Option<Time>| t.map(format_date);
        match name.as_str() {
            "id" => Some(contact.key.clone()),
            "name" => contact.name.clone(),
            "account" => contact
                .account
                .map(|a| self.accounts[a as usize].key.clone()),
            "status" | "stage" => contact.status.clone(),
            "owner" => contact.owner.clone(),
            "source" => contact.source.clone(),
            "amount" => contact.amount.map(|a| a.to_string()),
            "created" => date(contact.dates.created),
            "lead" => date(contact.dates.lead),
            "mql" => date(contact.dates.mql),
            "sql" => date(contact.dates.sql),
            "closed" => date(contact.dates.closed),
            _ => {
                let i = self.fields.iter().position(|f| *f == name)?;
                contact.extra.get(i).cloned().flatten()
            }
        }
    }

    /// The file as it stood at the end of time `at`, for figures as of a day before its latest
    /// date: what a file exported on that day would have held.
    ///
    /// * A contact that did not exist yet is left out: created after `at` (or, with no created
    ///   date, every date and event after it).
    /// * Milestone dates after `at` are cleared, and so is the status when any was: the status
    ///   a CRM shows is the one of its latest milestone ("Closed Won" is set on the close day).
    /// * Events after `at` are left out; accounts without any contact left are too.
    ///
    /// Without this a later win counted as a win on the as-of day, and the counts as of an
    /// early day equalled the whole file's.
    pub fn as_it_stood(&self, at: Time) -> Dataset {
        let mut out = Dataset {
            shape: self.shape,
            fields: self.fields.clone(),
            contacts: Vec::new(),
            accounts: Vec::new(),
            events: Vec::new(),
            event_types: self.event_types.clone(),
            channels: self.channels.clone(),
            latest: None,
        };
        let mut account_index: HashMap<u32, u32> = HashMap::new();
        let mut latest: Option<Time> = None;
        let mut saw = |t: Time| latest = Some(latest.map_or(t, |l| l.max(t)));
        for c in &self.contacts {
            let events = self.events_of(c);
            let d = &c.dates;
            let dates = [d.created, d.lead, d.mql, d.sql, d.closed];
            let existed = match d.created {
                Some(t) => t <= at,
                None => {
                    let known = dates.iter().flatten().chain(events.iter().map(|e| &e.time));
                    let mut any = false;
                    let mut before = false;
                    for &t in known {
                        any = true;
                        before |= t <= at;
                    }
                    before || !any
                }
            };
            if !existed {
                continue;
            }
            let mut kept = c.clone();
            let mut later = false;
            for t in [
                &mut kept.dates.created,
                &mut kept.dates.lead,
                &mut kept.dates.mql,
                &mut kept.dates.sql,
                &mut kept.dates.closed,
            ] {
                match *t {
                    Some(x) if x > at => {
                        *t = None;
                        later = true;
                    }
                    Some(x) => saw(x),
                    None => {}
                }
            }
            if later {
                kept.status = None;
            }
            kept.account = c.account.map(|a| {
                *account_index.entry(a).or_insert_with(|| {
                    out.accounts.push(self.accounts[a as usize].clone());
                    (out.accounts.len() - 1) as u32
                })
            });
            let index = out.contacts.len() as u32;
            let start = out.events.len() as u32;
            for e in events.iter().filter(|e| e.time <= at) {
                saw(e.time);
                out.events.push(Event {
                    contact: index,
                    ..*e
                });
            }
            kept.events = start..out.events.len() as u32;
            out.contacts.push(kept);
        }
        out.latest = latest;
        out
    }

    /// A contact's events, oldest first.
    pub fn events_of(&self, contact: &Contact) -> &[Event] {
        &self.events[contact.events.start as usize..contact.events.end as usize]
    }

    /// The contacts of each account, by account index.
    pub fn contacts_by_account(&self) -> Vec<Vec<u32>> {
        let mut out = vec![Vec::new(); self.accounts.len()];
        for (i, c) in self.contacts.iter().enumerate() {
            if let Some(a) = c.account {
                out[a as usize].push(i as u32);
            }
        }
        out
    }
}

/// `YYYY-MM-DD` of a time (UTC).
pub fn format_date(t: Time) -> String {
    let days = t.div_euclid(DAY);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The time at midnight UTC of a calendar date, if the date exists.
pub fn time_from_date(year: i32, month: u32, day: u32) -> Option<Time> {
    // Out-of-range parts are no date (an `as` cast would wrap 67536 to 2000).
    let date = jiff::civil::Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()?;
    let days = date.since(jiff::civil::date(1970, 1, 1)).ok()?.get_days();
    Some(days as Time * DAY)
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    // Howard Hinnant's days-to-civil, exact for the proleptic Gregorian calendar.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Builds a [`Dataset`] row by row: contacts and accounts are found by key, so an event log
/// with many rows per contact becomes one contact with many events.
#[derive(Debug)]
pub struct DatasetBuilder {
    data: Dataset,
    contact_index: KeyIndex,
    account_index: KeyIndex,
}

impl DatasetBuilder {
    /// An empty builder; `fields` are the extra columns each contact keeps.
    pub fn new(shape: Shape, fields: Vec<String>) -> Self {
        DatasetBuilder {
            data: Dataset {
                shape,
                fields,
                contacts: Vec::new(),
                accounts: Vec::new(),
                events: Vec::new(),
                event_types: Vocab::default(),
                channels: Vocab::default(),
                latest: None,
            },
            contact_index: KeyIndex::default(),
            account_index: KeyIndex::default(),
        }
    }

    /// The contact with this key, created (empty) if new. Returns its index.
    pub fn contact(&mut self, key: &str) -> u32 {
        let contacts = &self.data.contacts;
        let hash = self.contact_index.hash(key);
        if let Some(i) = self
            .contact_index
            .get(key, hash, |n| &contacts[n as usize].key)
        {
            return i;
        }
        let i = self.data.contacts.len() as u32;
        self.data.contacts.push(Contact {
            key: key.to_owned(),
            extra: vec![None; self.data.fields.len()],
            ..Contact::default()
        });
        self.contact_index.insert(key, hash, i);
        i
    }

    /// Mutable access to a contact, to fill in its fields.
    pub fn contact_mut(&mut self, i: u32) -> &mut Contact {
        &mut self.data.contacts[i as usize]
    }

    /// The account with this key, created if new. Returns its index.
    pub fn account(&mut self, key: &str) -> u32 {
        let accounts = &self.data.accounts;
        let hash = self.account_index.hash(key);
        if let Some(i) = self
            .account_index
            .get(key, hash, |n| &accounts[n as usize].key)
        {
            return i;
        }
        let i = self.data.accounts.len() as u32;
        self.data.accounts.push(Account {
            key: key.to_owned(),
        });
        self.account_index.insert(key, hash, i);
        i
    }

    /// Adds an event of `kind` (and `channel`) for contact `contact`. For data made in code
    /// (demo data, tests), which has far fewer than [`MAX_KINDS`] types and channels; the
    /// importer checks with [`Self::kinds`] first.
    pub fn event(
        &mut self,
        contact: u32,
        time: Time,
        kind: &str,
        channel: Option<&str>,
        value: Option<f64>,
    ) {
        let (kind, channel) = self
            .kinds(kind, channel)
            .expect("data made in code has fewer than 65,535 event types and channels");
        self.push_event(contact, time, kind, channel, value);
    }

    /// The numbers of an event type and channel, numbered if new; `Err` (and nothing numbered
    /// that was not before) when either would be the file's `MAX_KINDS + 1`-th.
    pub fn kinds(
        &mut self,
        kind: &str,
        channel: Option<&str>,
    ) -> Result<(u32, Option<u32>), TooManyKinds> {
        let fits = |v: &Vocab, name: &str| v.len() < MAX_KINDS || v.get(name).is_some();
        if !fits(&self.data.event_types, kind) {
            return Err(TooManyKinds::EventTypes);
        }
        if channel.is_some_and(|c| !fits(&self.data.channels, c)) {
            return Err(TooManyKinds::Channels);
        }
        let kind = self.data.event_types.intern(kind);
        let channel = channel.map(|c| self.data.channels.intern(c));
        Ok((kind, channel))
    }

    /// Adds an event of numbered `kind` and `channel` (from [`Self::kinds`]).
    pub fn push_event(
        &mut self,
        contact: u32,
        time: Time,
        kind: u32,
        channel: Option<u32>,
        value: Option<f64>,
    ) {
        self.saw(time);
        self.data
            .events
            .push(Event::new(contact, time, kind, channel, value));
    }

    /// Makes room for `more` events, so a large file's events are one block that never moves
    /// (growing by doubling held the old and new blocks at once, and left the old one as a hole
    /// in a WebAssembly memory that never shrinks).
    pub fn reserve_events(&mut self, more: usize) {
        self.data.events.reserve_exact(more);
    }

    /// Number of events so far.
    pub fn event_count(&self) -> usize {
        self.data.events.len()
    }

    /// Notes a time seen in the file (a milestone date), for [`Dataset::latest`].
    pub fn saw(&mut self, time: Time) {
        self.data.latest = Some(self.data.latest.map_or(time, |l| l.max(time)));
    }

    /// Number of contacts so far.
    pub fn contact_count(&self) -> usize {
        self.data.contacts.len()
    }

    /// Sorts the events by contact and time and links each contact to its events.
    pub fn finish(mut self) -> Dataset {
        let data = &mut self.data;
        // An in-place sort on every field, so events equal in contact and time still come out
        // in one order whatever the file's order. A stable sort's scratch is half a copy of
        // the events (12 MB for a million), a counting sort gathered into a second copy held
        // a whole copy more, and moving events in place along the permutation's cycles was 30%
        // slower.
        data.events
            .sort_unstable_by_key(|e| (e.contact, e.time, e.kind, e.channel, e.value));
        let mut start = 0usize;
        for (i, contact) in data.contacts.iter_mut().enumerate() {
            let end = start
                + data.events[start..]
                    .iter()
                    .take_while(|e| e.contact as usize == i)
                    .count();
            contact.events = start as u32..end as u32;
            start = end;
        }
        self.data
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_through_time() {
        let t = time_from_date(2024, 2, 29).unwrap();
        assert_eq!(format_date(t), "2024-02-29");
        assert_eq!(format_date(t + DAY - 1), "2024-02-29");
        assert_eq!(time_from_date(1970, 1, 1), Some(0));
        assert_eq!(time_from_date(2023, 2, 29), None);
        assert_eq!(format_date(-1), "1969-12-31");
    }

    #[test]
    fn builder_groups_events_per_contact_in_time_order() {
        let mut b = DatasetBuilder::new(Shape::Events, vec!["industry".into()]);
        let ann = b.contact("ann");
        let bob = b.contact("bob");
        assert_eq!(b.contact("ann"), ann);
        let acme = b.account("acme");
        b.contact_mut(ann).account = Some(acme);
        b.contact_mut(bob).extra[0] = Some("Software".into());
        b.event(bob, 30, "email_open", Some("email"), None);
        b.event(ann, 20, "visit", None, Some(2.0));
        b.event(ann, 10, "email_open", Some("email"), None);
        let d = b.finish();
        let times: Vec<_> = d.events_of(&d.contacts[0]).iter().map(|e| e.time).collect();
        assert_eq!(times, [10, 20]);
        assert_eq!(d.events_of(&d.contacts[1]).len(), 1);
        assert_eq!(d.event_types.len(), 2);
        assert_eq!(d.latest, Some(30));
        assert_eq!(d.field(&d.contacts[0], "Account").as_deref(), Some("acme"));
        assert_eq!(
            d.field(&d.contacts[1], "industry").as_deref(),
            Some("Software")
        );
        assert_eq!(d.field(&d.contacts[1], "nps"), None);
        assert_eq!(d.contacts_by_account(), vec![vec![ann]]);
    }

    #[test]
    fn a_dataset_reads_back_from_json_and_refuses_cut_event_records() {
        let mut b = DatasetBuilder::new(Shape::Events, vec![]);
        let ann = b.contact("ann");
        b.event(ann, -86_400, "visit", Some("web"), Some(-2.5));
        b.event(ann, 10, "email_open", None, None);
        let d = b.finish();
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<Dataset>(&json).unwrap(), d);
        let bytes = postcard::to_allocvec(&d).unwrap();
        assert_eq!(postcard::from_bytes::<Dataset>(&bytes).unwrap(), d);
        // The events' block is two 24-byte records; a byte more is refused.
        let cut = json.replacen("\"events\":[", "\"events\":[0,", 1);
        assert!(serde_json::from_str::<Dataset>(&cut).is_err());
    }
}
