//! Guessing the field delimiter from the first lines of a file.
//!
//! For each candidate (`,` `;` tab) the delimiters outside double quotes are counted on
//! each record of the sample (a quoted field may span lines). The winner is the candidate
//! whose count is the same on the most records, with more than zero on the header; ties go
//! to the larger count, then to the order tab, `;`, `,` (a `;` or tab file often has commas
//! inside amounts, never the other way round). An incomplete last line is left out.

use serde::{Deserialize, Serialize};

/// A field delimiter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delimiter {
    Comma,
    Semicolon,
    Tab,
}

impl Delimiter {
    /// The delimiter byte.
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }
}

const CANDIDATES: [Delimiter; 3] = [Delimiter::Tab, Delimiter::Semicolon, Delimiter::Comma];

/// How many records of the sample to look at.
const SAMPLE_RECORDS: usize = 50;

/// Guesses the delimiter of decoded text (the start of a file). Falls back to
/// [`Delimiter::Comma`] when no candidate appears (a one-column file).
pub fn sniff_delimiter(text: &str) -> Delimiter {
    let counts = record_counts(text);
    let Some(header) = counts.first() else {
        return Delimiter::Comma;
    };
    let mut best = (Delimiter::Comma, 0usize, 0usize);
    for (k, &d) in CANDIDATES.iter().enumerate() {
        let want = header[k];
        if want == 0 {
            continue;
        }
        let agree = counts.iter().filter(|c| c[k] == want).count();
        if (agree, want) > (best.1, best.2) {
            best = (d, agree, want);
        }
    }
    best.0
}

/// Delimiter counts per complete record: `[tab, semicolon, comma]`.
fn record_counts(text: &str) -> Vec<[usize; 3]> {
    let mut out = Vec::new();
    let mut cur = [0usize; 3];
    let mut in_quotes = false;
    let mut any = false;
    for &b in text.as_bytes() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\t' if !in_quotes => cur[0] += 1,
            b';' if !in_quotes => cur[1] += 1,
            b',' if !in_quotes => cur[2] += 1,
            b'\n' | b'\r' if !in_quotes => {
                if any {
                    out.push(cur);
                    if out.len() == SAMPLE_RECORDS {
                        return out;
                    }
                }
                cur = [0; 3];
                any = false;
                continue;
            }
            _ => {}
        }
        any = true;
    }
    // The last record counts only if the text is the whole file and it is complete; a
    // sample cut in the middle leaves it out. A single header line without a newline still
    // counts, or a one-line file would have no header.
    if any && out.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_delimiter() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), Delimiter::Comma);
        assert_eq!(
            sniff_delimiter("a;b;c\n1;2,5;3\n4;5,5;6\n"),
            Delimiter::Semicolon
        );
        assert_eq!(sniff_delimiter("a\tb\n1\t2,5\n"), Delimiter::Tab);
        assert_eq!(sniff_delimiter("only\n1\n"), Delimiter::Comma);
        assert_eq!(sniff_delimiter(""), Delimiter::Comma);
    }

    #[test]
    fn quotes_hide_delimiters() {
        // Commas inside quotes (even across lines) do not count; `;` is consistent.
        let text = "name;note\n\"Smith, J\";\"a, b,\nc, d\"\n\"Lee, K\";x\n";
        assert_eq!(sniff_delimiter(text), Delimiter::Semicolon);
        // Commas are consistent; semicolons only inside quotes.
        let text = "name,note\n\"a;b\",c\n\"d;e;f\",g\n";
        assert_eq!(sniff_delimiter(text), Delimiter::Comma);
    }

    #[test]
    fn most_consistent_candidate_wins() {
        // Header has one `,` and one `;`; rows agree on `;` only.
        let text = "a,x;b\n1;2\n3;4,5,6\n7;8\n";
        assert_eq!(sniff_delimiter(text), Delimiter::Semicolon);
    }
}
