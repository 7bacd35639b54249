//! An import done in another thread (the import worker), handed to the page; and the
//! [`Analysis`] the worker then makes of it for each set of rules.
//!
//! The worker runs [`Importer`](super::Importer) and sends what it built as two messages' worth
//! of bytes: the [`Dataset`] as compact bytes (postcard, with the events as one block of 24-byte
//! records, and the contacts in blocks of [`CONTACT_BLOCK`] that the page reads one task at a
//! time through [`TakeOver`]) and the [`Report`] as JSON (it is small: bad rows are capped). A failed import sends its
//! [`ImportError`] as JSON. The page reads them back here with the same code that wrote them,
//! so the two sides cannot drift apart.

use jiff::Timestamp;

use super::{ImportError, Imported, Report};
use crate::domain::dataset::{event_bytes, Contact, Dataset, Event};
use crate::domain::metrics::segments::{segment_reports, SegmentLabel};
use crate::domain::metrics::{Analysis, Report as MetricsReport};
use crate::domain::model::JourneyMap;

/// Contacts per block of [`Handover::dataset`]: reading 100,000 contacts at once was one task of
/// about 100 ms on the page; a block of 20,000 is about a fifth of that.
pub const CONTACT_BLOCK: usize = 20_000;

/// What the worker sends when an import is done.
#[derive(Clone, Debug, PartialEq)]
pub struct Handover {
    /// The dataset without its events: blocks, each a little-endian `u32` length and that many
    /// bytes of postcard: first the dataset with no contacts, then its contacts in blocks of
    /// [`CONTACT_BLOCK`].
    pub dataset: Vec<u8>,
    /// The events, as one block of records: read in a task of their own on the page.
    pub events: Vec<u8>,
    pub report: String,
}

/// The bytes did not come from [`hand_over`] of this build (a programming error, shown as one).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the import worker's answer cannot be read: {0}")]
pub struct HandoverError(pub String);

/// Writes a finished import for the page (the events are lent out while the rest is written).
pub fn hand_over(imported: &mut Imported) -> Handover {
    let events = std::mem::take(&mut imported.dataset.events);
    let contacts = std::mem::take(&mut imported.dataset.contacts);
    let mut dataset = Vec::new();
    // None of these can fail: every type in them serialises, and the writer grows as needed.
    push_block(&mut dataset, &imported.dataset);
    for block in contacts.chunks(CONTACT_BLOCK) {
        push_block(&mut dataset, block);
    }
    let handover = Handover {
        dataset,
        events: event_bytes::to_bytes(&events),
        report: serde_json::to_string(&imported.report).unwrap_or_default(),
    };
    imported.dataset.contacts = contacts;
    imported.dataset.events = events;
    handover
}

/// Appends `value` as one length-prefixed block of postcard.
fn push_block<T: serde::Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    let bytes = postcard::to_allocvec(value).unwrap_or_default();
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(&bytes);
}

/// The next length-prefixed block of `bytes`, and what follows it.
fn next_block(bytes: &[u8]) -> Result<(&[u8], &[u8]), HandoverError> {
    let damaged = || HandoverError("the dataset's blocks are cut short".to_owned());
    let (len, rest) = bytes.split_first_chunk::<4>().ok_or_else(damaged)?;
    let len = u32::from_le_bytes(*len) as usize;
    if rest.len() < len {
        return Err(damaged());
    }
    Ok(rest.split_at(len))
}

/// Reads what [`hand_over`] wrote, a block of contacts per [`TakeOver::step`], so the page can
/// let the browser draw between blocks.
pub struct TakeOver<'a> {
    imported: Imported,
    rest: &'a [u8],
}

impl<'a> TakeOver<'a> {
    /// Reads the report and the dataset without its contacts and events.
    pub fn start(dataset: &'a [u8], report: &str) -> Result<TakeOver<'a>, HandoverError> {
        let (head, rest) = next_block(dataset)?;
        let dataset: Dataset =
            postcard::from_bytes(head).map_err(|e| HandoverError(e.to_string()))?;
        let report: Report =
            serde_json::from_str(report).map_err(|e| HandoverError(e.to_string()))?;
        Ok(TakeOver {
            imported: Imported { dataset, report },
            rest,
        })
    }

    /// Reads the next block of contacts; `false` when none is left.
    pub fn step(&mut self) -> Result<bool, HandoverError> {
        if self.rest.is_empty() {
            return Ok(false);
        }
        let (block, rest) = next_block(self.rest)?;
        let contacts: Vec<Contact> =
            postcard::from_bytes(block).map_err(|e| HandoverError(e.to_string()))?;
        self.imported.dataset.contacts.extend(contacts);
        self.rest = rest;
        Ok(true)
    }

    /// The import read so far (all of it once [`Self::step`] said `false`), without its events
    /// until [`put_events`].
    pub fn finish(self) -> Imported {
        self.imported
    }
}

/// Reads what [`hand_over`] wrote, but the events, at once: the dataset has none until
/// [`put_events`].
pub fn take_over(dataset: &[u8], report: &str) -> Result<Imported, HandoverError> {
    let mut reading = TakeOver::start(dataset, report)?;
    while reading.step()? {}
    Ok(reading.finish())
}

/// Puts the events [`hand_over`] wrote into what [`take_over`] read, checking that they are
/// the ones its contacts point to.
pub fn put_events(imported: &mut Imported, events: &[u8]) -> Result<(), HandoverError> {
    let events: Vec<Event> =
        event_bytes::decode(events).map_err(|e: postcard::Error| HandoverError(e.to_string()))?;
    let wanted = imported.dataset.contacts.last().map_or(0, |c| c.events.end);
    if events.len() != wanted as usize {
        return Err(HandoverError(format!(
            "{} events, the contacts point to {wanted}",
            events.len()
        )));
    }
    imported.dataset.events = events;
    Ok(())
}

/// A failed import, for the page.
pub fn error_text(error: &ImportError) -> String {
    serde_json::to_string(error).unwrap_or_default()
}

/// Reads what [`error_text`] wrote.
pub fn error_from_text(text: &str) -> Result<ImportError, HandoverError> {
    serde_json::from_str(text).map_err(|e| HandoverError(e.to_string()))
}

/// What the worker makes of the data for one map: the analysis as compact bytes and the report
/// of every contact as JSON.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    pub analysis: Vec<u8>,
    pub report: String,
}

/// In the worker: the page's map, as it sent it (JSON; its
/// [`report_basis`](crate::domain::metrics::report_basis) is enough).
pub fn map_from(map_json: &str) -> Result<JourneyMap, HandoverError> {
    serde_json::from_str(map_json).map_err(|e| HandoverError(format!("map: {e}")))
}

/// In the worker: the analysis of `dataset` by `map` at `now` (seconds since 1970), and what
/// the page is sent of it with the report of every contact. A map whose rules do not parse is
/// an error here: the page checks the rules before it asks.
pub fn analyse(
    map: &JourneyMap,
    dataset: &Dataset,
    now: i64,
) -> Result<(Analysis, Figures), HandoverError> {
    let now = Timestamp::from_second(now).map_err(|e| HandoverError(e.to_string()))?;
    let analysis =
        Analysis::new(map, dataset, now).map_err(|e| HandoverError(format!("rules: {e:?}")))?;
    let report = serde_json::to_string(&analysis.report_all(map, dataset))
        .map_err(|e| HandoverError(e.to_string()))?;
    let figures = Figures {
        analysis: postcard::to_allocvec(&analysis).map_err(|e| HandoverError(e.to_string()))?,
        report,
    };
    Ok((analysis, figures))
}

/// In the worker: the report of each segment by `field`, as JSON.
pub fn segments(
    map: &JourneyMap,
    dataset: &Dataset,
    analysis: &Analysis,
    field: &str,
    max: usize,
) -> String {
    serde_json::to_string(&segment_reports(map, dataset, analysis, field, max)).unwrap_or_default()
}

/// On the page: reads what [`segments`] wrote.
pub fn segments_from(text: &str) -> Result<Vec<(SegmentLabel, MetricsReport)>, HandoverError> {
    serde_json::from_str(text).map_err(|e| HandoverError(e.to_string()))
}

/// On the page: reads what [`analyse`] wrote.
pub fn figures_from(
    analysis: &[u8],
    report: &str,
) -> Result<(Analysis, MetricsReport), HandoverError> {
    let analysis = postcard::from_bytes(analysis).map_err(|e| HandoverError(e.to_string()))?;
    let report = serde_json::from_str(report).map_err(|e| HandoverError(e.to_string()))?;
    Ok((analysis, report))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo_data;
    use crate::domain::import::{Importer, Options};
    use crate::domain::SourceModel;

    fn imported(csv: &str) -> Result<Imported, ImportError> {
        let mut importer = Importer::new(Options::default());
        importer.push(csv.as_bytes())?;
        importer.finish()
    }

    #[test]
    fn an_event_log_comes_back_as_it_was_built() {
        let csv = demo_data::events_csv(SourceModel::Hinge, 300, 7);
        let original = imported(&csv).unwrap();
        assert!(original.dataset.events.len() > 1_000);
        assert!(original.dataset.channels.len() > 1);
        let mut sent = original.clone();
        let h = hand_over(&mut sent);
        assert_eq!(sent, original, "the worker keeps its events");
        let mut back = take_over(&h.dataset, &h.report).unwrap();
        assert!(back.dataset.events.is_empty());
        put_events(&mut back, &h.events).unwrap();
        assert_eq!(back, original);
        // Events of another import (or cut short) are refused.
        let mut other = take_over(&h.dataset, &h.report).unwrap();
        assert!(put_events(&mut other, &h.events[..h.events.len() - 24]).is_err());
        assert!(put_events(&mut other, &h.events[..h.events.len() - 1]).is_err());
        // The interned names are found again after the trip (the index is rebuilt).
        let name = original.dataset.event_types.name(1).to_owned();
        assert_eq!(back.dataset.event_types.get(&name), Some(1));
        // No bigger than the CSV itself (events are fixed 24-byte records, for a fast read).
        let size = h.dataset.len() + h.events.len();
        assert!(size < csv.len(), "{size} of {}", csv.len());
        assert_eq!(h.events.len(), original.dataset.events.len() * 24);
    }

    #[test]
    fn many_contacts_come_back_a_block_per_step() {
        // Two full blocks and one contact more: four steps of reading (three blocks, then none).
        let n = 2 * CONTACT_BLOCK + 1;
        let mut csv = String::from("id,name,status\n");
        for i in 0..n {
            csv.push_str(&format!(
                "{i},Name {i},{}\n",
                ["lead", "won", "lost"][i % 3]
            ));
        }
        let original = imported(&csv).unwrap();
        assert_eq!(original.dataset.contacts.len(), n);
        let h = hand_over(&mut original.clone());
        let mut reading = TakeOver::start(&h.dataset, &h.report).unwrap();
        let mut read = vec![];
        while reading.step().unwrap() {
            read.push(reading.imported.dataset.contacts.len());
        }
        assert_eq!(read, [CONTACT_BLOCK, 2 * CONTACT_BLOCK, n]);
        let mut back = reading.finish();
        put_events(&mut back, &h.events).unwrap();
        assert_eq!(back, original);
        // A block cut short is refused, whichever it is.
        for cut in [3, h.dataset.len() / 2, h.dataset.len() - 1] {
            assert!(
                take_over(&h.dataset[..cut], &h.report).is_err(),
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn records_with_extra_fields_bad_rows_and_empty_values_come_back_too() {
        let csv = "Record ID,Name,Company,Lifecycle Stage,Create Date,Amount,Region\n\
                   1,Ann,Acme,customer,2024-01-05,12.5,EU\n\
                   2,Bob,,lead,2024-13-01,,\n\
                   3,Cid\n";
        let original = imported(csv).unwrap();
        assert_eq!(original.report.bad_row_count, 2);
        let h = hand_over(&mut original.clone());
        let mut back = take_over(&h.dataset, &h.report).unwrap();
        put_events(&mut back, &h.events).unwrap();
        assert_eq!(back, original);
    }

    #[test]
    fn the_workers_analysis_is_the_one_the_page_would_make() {
        let now = Timestamp::from_second(1_735_689_600).unwrap();
        let map = crate::domain::template::build(SourceModel::Hinge, now);
        let csv = demo_data::events_csv(SourceModel::Hinge, 300, 11);
        let data = imported(&csv).unwrap().dataset;
        // The worker is sent the report basis of the map, not the whole map.
        let basis = crate::domain::metrics::report_basis(&map);
        let sent = serde_json::to_string(&basis).unwrap();
        assert!(sent.len() < serde_json::to_string(&map).unwrap().len() / 2);
        let (_, figures) = analyse(&map_from(&sent).unwrap(), &data, now.as_second()).unwrap();
        let here = Analysis::new(&map, &data, now).unwrap();
        let (there, report) = figures_from(&figures.analysis, &figures.report).unwrap();
        assert!(here
            .classification
            .placements
            .iter()
            .any(|p| p.stage.is_some()));
        assert!(!here.paths.visits.is_empty());
        assert_eq!(there, here);
        assert_eq!(report, here.report_all(&map, &data));
        assert!(report.contacts > 100);
        assert!(map_from("{").is_err());
        // The segments the worker reports are those the page would work out.
        let field = crate::domain::metrics::segments::segment_fields(&data)
            .into_iter()
            .next()
            .unwrap();
        let there = segments_from(&segments(&basis, &data, &here, &field, 8)).unwrap();
        assert!(there.len() > 1);
        assert_eq!(there, segment_reports(&map, &data, &here, &field, 8));
        let cut = &figures.analysis[..figures.analysis.len() / 3];
        assert!(figures_from(cut, &figures.report).is_err());
    }

    #[test]
    fn errors_come_back_and_damaged_bytes_are_refused_with_a_message() {
        let e = imported("").unwrap_err();
        assert_eq!(error_from_text(&error_text(&e)).unwrap(), e);
        let h = hand_over(&mut imported("id,status\n1,won\n").unwrap());
        let cut = &h.dataset[..h.dataset.len() / 2];
        assert!(take_over(cut, &h.report).is_err());
        assert!(take_over(&h.dataset, "{").is_err());
        assert!(error_from_text("nonsense").is_err());
    }
}
