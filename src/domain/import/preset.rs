//! The column-mapping step: what each column of a file means ([`Role`]), presets for the
//! exports of common CRMs recognised from their header ([`Preset`]), and checking a mapping
//! before import ([`Mapping::check`]).
//!
//! Header names are compared as lower-case words, however they are spelt: `Deal Stage`,
//! `deal_stage`, `dealStage`, `DealStage`, `deal-stage` and `DEAL.STAGE` are all `deal stage`.
//! Pipedrive's `Deal - Title` style prefix is ignored.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::dataset::Shape;

/// What a column of the file means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Not imported.
    Ignore,
    /// The contact's (or deal's) id; in an event log, the contact the event belongs to.
    Id,
    /// Display name. The one role several columns may have: "First Name" and "Last Name"
    /// are joined with a space, in column order.
    Name,
    /// The account (company) the contact rolls up to.
    Account,
    /// The CRM's stage or status field.
    Status,
    /// Milestone dates.
    Created,
    Lead,
    Mql,
    Sql,
    Closed,
    Amount,
    Owner,
    Source,
    /// When an event happened.
    EventTime,
    /// What kind of event it was.
    EventType,
    Channel,
    /// An event's numeric value.
    Value,
    /// Kept on each contact as an extra field named by the lower-cased header.
    Keep,
}

impl Role {
    /// All roles, for a picker in the UI.
    pub const ALL: [Role; 18] = [
        Role::Ignore,
        Role::Id,
        Role::Name,
        Role::Account,
        Role::Status,
        Role::Created,
        Role::Lead,
        Role::Mql,
        Role::Sql,
        Role::Closed,
        Role::Amount,
        Role::Owner,
        Role::Source,
        Role::EventTime,
        Role::EventType,
        Role::Channel,
        Role::Value,
        Role::Keep,
    ];

    /// Whether at most one column may have this role.
    pub fn is_single(self) -> bool {
        !matches!(self, Role::Ignore | Role::Keep | Role::Name)
    }

    /// Whether the role only makes sense in an event log.
    pub fn is_event_only(self) -> bool {
        matches!(
            self,
            Role::EventTime | Role::EventType | Role::Channel | Role::Value
        )
    }

    /// Whether the column holds dates.
    pub fn is_date(self) -> bool {
        matches!(
            self,
            Role::Created | Role::Lead | Role::Mql | Role::Sql | Role::Closed | Role::EventTime
        )
    }
}

/// A known export format, recognised from its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    HubSpotContacts,
    HubSpotDeals,
    SalesforceOpportunities,
    PipedriveDeals,
    EventLog,
    /// None of the above: the mapping comes from [`Mapping::guess`] and the user.
    Custom,
}

impl Preset {
    /// The presets that are recognised from a header, in tie-break order.
    pub const KNOWN: [Preset; 5] = [
        Preset::HubSpotDeals,
        Preset::HubSpotContacts,
        Preset::SalesforceOpportunities,
        Preset::PipedriveDeals,
        Preset::EventLog,
    ];

    /// The shape of file the preset reads.
    pub fn shape(self) -> Shape {
        match self {
            Preset::EventLog => Shape::Events,
            _ => Shape::Records,
        }
    }

    /// The header names the preset knows (lower case) and the role of each.
    fn columns(self) -> &'static [(&'static str, Role)] {
        use Role::*;
        match self {
            Preset::HubSpotContacts => &[
                ("record id", Id),
                ("contact id", Id),
                ("first name", Name),
                ("last name", Name),
                ("email", Keep),
                ("company name", Account),
                ("lifecycle stage", Status),
                ("create date", Created),
                ("became a lead date", Lead),
                ("became a marketing qualified lead date", Mql),
                ("became a sales qualified lead date", Sql),
                ("became a customer date", Closed),
                ("contact owner", Owner),
                ("original source", Source),
                ("lead status", Keep),
            ],
            Preset::HubSpotDeals => &[
                ("record id", Id),
                ("deal id", Id),
                ("deal name", Name),
                ("deal stage", Status),
                ("amount", Amount),
                ("close date", Closed),
                ("create date", Created),
                ("deal owner", Owner),
                ("associated company", Account),
                ("pipeline", Keep),
            ],
            Preset::SalesforceOpportunities => &[
                ("opportunity id", Id),
                ("opportunity name", Name),
                ("account name", Account),
                ("stage", Status),
                ("amount", Amount),
                ("close date", Closed),
                ("created date", Created),
                ("opportunity owner", Owner),
                ("lead source", Source),
                ("won", Keep),
                ("closed", Keep),
            ],
            Preset::PipedriveDeals => &[
                ("id", Id),
                ("title", Name),
                ("organization", Account),
                ("stage", Status),
                ("status", Keep),
                ("value", Amount),
                ("deal created", Created),
                ("won time", Closed),
                ("lost time", Keep),
                ("owner", Owner),
                ("source", Source),
            ],
            Preset::EventLog => &[
                ("contact", Id),
                ("contact id", Id),
                ("account", Account),
                ("time", EventTime),
                ("timestamp", EventTime),
                ("date", EventTime),
                ("type", EventType),
                ("event", EventType),
                ("channel", Channel),
                ("value", Value),
            ],
            Preset::Custom => &[],
        }
    }

    /// Recognises the export a header comes from: the known preset matching the most header
    /// names (at least three), else [`Preset::Custom`].
    pub fn detect<S: AsRef<str>>(headers: &[S]) -> Preset {
        let names: Vec<String> = headers.iter().map(|h| normalize(h.as_ref())).collect();
        // A preset needs three of its column names, and at least as many as the common names
        // the guess reads (a plain `id,name,status,created,…` file is not a CRM's export
        // because it also has `email` and `owner`).
        let guessed = Mapping::guess(headers)
            .roles
            .iter()
            .filter(|r| !matches!(r, Role::Keep | Role::Ignore))
            .count();
        let mut best = (Preset::Custom, 2usize.max(guessed.saturating_sub(1)));
        for p in Preset::KNOWN {
            let score = names
                .iter()
                .filter(|n| p.columns().iter().any(|(c, _)| c == n))
                .count();
            if score > best.1 {
                best = (p, score);
            }
        }
        best.0
    }
}

/// A header name as presets compare it: its words in lower case, one space apart. Words are
/// split at anything that is not a letter or digit and where a lower-case letter or digit meets
/// an upper-case one (`closeValue`, `CloseValue`), or an upper-case run meets a word
/// (`HTTPStatus` is `http status`). Pipedrive's `Deal - ` prefix is dropped.
pub(crate) fn normalize(h: &str) -> String {
    let h = h.trim();
    let h = match h.get(..7) {
        Some(p) if p.eq_ignore_ascii_case("deal - ") => &h[7..],
        _ => h,
    };
    let chars: Vec<char> = h.chars().collect();
    let mut out = String::with_capacity(h.len());
    let mut gap = false;
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            gap = !out.is_empty();
            continue;
        }
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1);
        let boundary = c.is_uppercase()
            && prev.is_some_and(|p| {
                p.is_lowercase()
                    || p.is_ascii_digit()
                    || (p.is_uppercase() && next.is_some_and(|n| n.is_lowercase()))
            });
        if (gap || boundary) && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        out.extend(c.to_lowercase());
    }
    out
}

/// Why a mapping cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum MappingError {
    /// A role that only one column may have was given to two (0-based column numbers).
    #[error("role {role:?} is on columns {first} and {second}")]
    DuplicateRole {
        role: Role,
        first: usize,
        second: usize,
    },
    /// An event log needs a contact (Id) column.
    #[error("no contact id column")]
    NoContact,
    /// An event log needs an event time column.
    #[error("no event time column")]
    NoEventTime,
    /// An event log needs an event type column.
    #[error("no event type column")]
    NoEventType,
    /// A record file mapped a column to an event-only role.
    #[error("event role {role:?} on column {column} of a record file")]
    EventRoleInRecords { role: Role, column: usize },
    /// Nothing would be imported.
    #[error("no column is mapped")]
    NothingMapped,
}

/// What each column of a file means, and which shape of data the file is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    pub shape: Shape,
    /// One role per header column, in order.
    pub roles: Vec<Role>,
}

impl Mapping {
    /// The mapping of a preset for this header. Columns the preset does not know are kept
    /// (records) or ignored (events). [`Preset::Custom`] gives [`Mapping::guess`].
    pub fn for_preset<S: AsRef<str>>(preset: Preset, headers: &[S]) -> Mapping {
        if preset == Preset::Custom {
            return Mapping::guess(headers);
        }
        let shape = preset.shape();
        let fallback = match shape {
            Shape::Records => Role::Keep,
            Shape::Events => Role::Ignore,
        };
        let mut roles: Vec<Role> = headers
            .iter()
            .map(|h| {
                let n = normalize(h.as_ref());
                preset
                    .columns()
                    .iter()
                    .find(|(c, _)| *c == n)
                    .map_or(fallback, |&(_, r)| r)
            })
            .collect();
        dedupe(&mut roles, fallback);
        Mapping { shape, roles }
    }

    /// A mapping from common header names, for a file no preset recognises: an event log if
    /// a time and a type column are found, records otherwise.
    pub fn guess<S: AsRef<str>>(headers: &[S]) -> Mapping {
        use Role::*;
        let names: Vec<String> = headers.iter().map(|h| normalize(h.as_ref())).collect();
        let event_roles = |n: &str| -> Option<Role> {
            Some(match n {
                "contact" | "contact id" | "user" | "user id" | "email" | "person" | "lead"
                | "lead id" | "customer" | "customer id" => Id,
                "account" | "account id" | "company" | "company id" | "organization"
                | "organisation" => Account,
                "time" | "timestamp" | "date" | "datetime" | "date time" | "event time"
                | "event date" | "occurred at" | "created at" | "ts" => EventTime,
                "type" | "event" | "event type" | "event name" | "action" | "activity"
                | "activity type" => EventType,
                "channel" | "medium" => Channel,
                "value" | "amount" | "revenue" => Value,
                _ => return None,
            })
        };
        let event: Vec<Option<Role>> = names.iter().map(|n| event_roles(n)).collect();
        let has = |r: Role| event.contains(&Some(r));
        if has(EventTime) && has(EventType) {
            let mut roles: Vec<Role> = event.into_iter().map(|r| r.unwrap_or(Ignore)).collect();
            dedupe(&mut roles, Ignore);
            return Mapping {
                shape: Shape::Events,
                roles,
            };
        }
        let mut roles: Vec<Role> = names
            .iter()
            .map(|n| match n.as_str() {
                "id" | "record id" | "contact id" | "deal id" | "opportunity id" | "lead id"
                | "customer id" | "key" | "email" | "email address" => Id,
                "name" | "full name" | "contact name" | "deal name" | "opportunity name"
                | "first name" | "last name" | "title" => Name,
                "account" | "company" | "company name" | "organization" | "organisation"
                | "organization name" | "account name" | "client" | "client name" => Account,
                "status" | "stage" | "lifecycle stage" | "deal stage" | "opportunity stage"
                | "stage name" | "pipeline stage" | "lead status" | "deal status" => Status,
                "created" | "create date" | "created date" | "created at" | "created on"
                | "creation date" | "date created" | "engage date" | "engaged at" | "open date"
                | "opened at" => Created,
                "lead" | "lead date" | "became a lead date" => Lead,
                "mql" | "mql date" => Mql,
                "sql" | "sql date" => Sql,
                "closed" | "close date" | "closed date" | "closed at" | "closed on"
                | "close time" | "won date" | "won time" => Closed,
                "amount" | "value" | "revenue" | "deal value" | "deal amount" | "deal size"
                | "close value" | "opportunity amount" => Amount,
                "owner" | "contact owner" | "deal owner" | "opportunity owner"
                | "account owner" | "sales agent" | "sales rep" | "salesperson"
                | "sales person" | "assigned to" => Owner,
                "source" | "lead source" | "original source" | "utm source" => Source,
                _ => Keep,
            })
            .collect();
        dedupe(&mut roles, Keep);
        Mapping {
            shape: Shape::Records,
            roles,
        }
    }

    /// Checks that the mapping can be imported.
    pub fn check(&self) -> Result<(), MappingError> {
        for (i, &r) in self.roles.iter().enumerate() {
            if r.is_single() {
                if let Some(j) = self.roles[..i].iter().position(|&x| x == r) {
                    return Err(MappingError::DuplicateRole {
                        role: r,
                        first: j,
                        second: i,
                    });
                }
            }
            if self.shape == Shape::Records && r.is_event_only() {
                return Err(MappingError::EventRoleInRecords { role: r, column: i });
            }
        }
        let has = |r: Role| self.roles.contains(&r);
        match self.shape {
            Shape::Events => {
                if !has(Role::Id) {
                    return Err(MappingError::NoContact);
                }
                if !has(Role::EventTime) {
                    return Err(MappingError::NoEventTime);
                }
                if !has(Role::EventType) {
                    return Err(MappingError::NoEventType);
                }
            }
            Shape::Records => {
                if self.roles.iter().all(|&r| r == Role::Ignore) {
                    return Err(MappingError::NothingMapped);
                }
            }
        }
        Ok(())
    }

    /// The column with a single role, if any.
    pub fn column(&self, role: Role) -> Option<usize> {
        self.roles.iter().position(|&r| r == role)
    }
}

/// A second column with a single role falls back (a file with both "Time" and "Date" uses
/// the first).
fn dedupe(roles: &mut [Role], fallback: Role) {
    for i in 0..roles.len() {
        if roles[i].is_single() && roles[..i].contains(&roles[i]) {
            roles[i] = fallback;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Role::*;

    const HUBSPOT_CONTACTS: &[&str] = &[
        "Record ID",
        "First Name",
        "Last Name",
        "Email",
        "Phone Number",
        "Company Name",
        "Lifecycle Stage",
        "Create Date",
        "Became a Lead Date",
        "Became a Marketing Qualified Lead Date",
        "Became a Sales Qualified Lead Date",
        "Became a Customer Date",
        "Contact owner",
        "Original Source",
        "Lead Status",
    ];
    const HUBSPOT_DEALS: &[&str] = &[
        "Record ID",
        "Deal Name",
        "Deal Stage",
        "Amount",
        "Close Date",
        "Create Date",
        "Deal owner",
        "Associated Company",
        "Pipeline",
    ];
    const SALESFORCE: &[&str] = &[
        "Opportunity ID",
        "Opportunity Name",
        "Account Name",
        "Stage",
        "Amount",
        "Probability (%)",
        "Close Date",
        "Created Date",
        "Opportunity Owner",
        "Lead Source",
        "Won",
        "Closed",
    ];
    const PIPEDRIVE: &[&str] = &[
        "Deal - ID",
        "Deal - Title",
        "Deal - Organization",
        "Deal - Stage",
        "Deal - Status",
        "Deal - Value",
        "Deal - Deal created",
        "Deal - Won time",
        "Deal - Lost time",
        "Deal - Owner",
        "Deal - Source",
    ];
    const EVENTS: &[&str] = &[
        "contact",
        "account",
        "timestamp",
        "event",
        "channel",
        "value",
        "note",
    ];

    #[test]
    fn hubspot_contacts() {
        assert_eq!(Preset::detect(HUBSPOT_CONTACTS), Preset::HubSpotContacts);
        let m = Mapping::for_preset(Preset::HubSpotContacts, HUBSPOT_CONTACTS);
        assert_eq!(m.shape, Shape::Records);
        assert_eq!(
            m.roles,
            [
                Id, Name, Name, Keep, Keep, Account, Status, Created, Lead, Mql, Sql, Closed,
                Owner, Source, Keep
            ]
        );
        assert_eq!(m.check(), Ok(()));
    }

    #[test]
    fn hubspot_deals() {
        assert_eq!(Preset::detect(HUBSPOT_DEALS), Preset::HubSpotDeals);
        let m = Mapping::for_preset(Preset::HubSpotDeals, HUBSPOT_DEALS);
        assert_eq!(
            m.roles,
            [Id, Name, Status, Amount, Closed, Created, Owner, Account, Keep]
        );
        assert_eq!(m.check(), Ok(()));
    }

    #[test]
    fn salesforce_opportunities() {
        assert_eq!(Preset::detect(SALESFORCE), Preset::SalesforceOpportunities);
        let m = Mapping::for_preset(Preset::SalesforceOpportunities, SALESFORCE);
        assert_eq!(
            m.roles,
            [Id, Name, Account, Status, Amount, Keep, Closed, Created, Owner, Source, Keep, Keep]
        );
    }

    #[test]
    fn pipedrive_deals_with_and_without_prefix() {
        assert_eq!(Preset::detect(PIPEDRIVE), Preset::PipedriveDeals);
        let plain: Vec<&str> = PIPEDRIVE.iter().map(|h| &h[7..]).collect();
        assert_eq!(plain[0], "ID");
        assert_eq!(Preset::detect(&plain), Preset::PipedriveDeals);
        let m = Mapping::for_preset(Preset::PipedriveDeals, PIPEDRIVE);
        assert_eq!(
            m.roles,
            [Id, Name, Account, Status, Keep, Amount, Created, Closed, Keep, Owner, Source]
        );
    }

    #[test]
    fn event_log() {
        assert_eq!(Preset::detect(EVENTS), Preset::EventLog);
        let m = Mapping::for_preset(Preset::EventLog, EVENTS);
        assert_eq!(m.shape, Shape::Events);
        assert_eq!(
            m.roles,
            [Id, Account, EventTime, EventType, Channel, Value, Ignore]
        );
        assert_eq!(m.check(), Ok(()));
        // Two time columns: the first wins, the second is ignored.
        let m = Mapping::for_preset(Preset::EventLog, &["contact", "time", "date", "type"]);
        assert_eq!(m.roles, [Id, EventTime, Ignore, EventType]);
    }

    #[test]
    fn unknown_header_is_custom_and_guessed() {
        let h = ["Email", "Company", "Stage", "Signup", "Plan"];
        assert_eq!(Preset::detect(&h), Preset::Custom);
        let m = Mapping::for_preset(Preset::Custom, &h);
        assert_eq!(m.shape, Shape::Records);
        assert_eq!(m.roles, [Id, Account, Status, Keep, Keep]);
        let h = ["user_id", "occurred at", "action", "page"];
        let m = Mapping::guess(&h);
        assert_eq!(m.shape, Shape::Events);
        assert_eq!(m.roles, [Id, EventTime, EventType, Ignore]);
    }

    #[test]
    fn a_plain_file_with_a_few_crm_names_is_not_that_crm_export() {
        // The sample records file: `email`, `owner` and `source` are also a HubSpot contacts
        // export's names, but the common names read more columns (status, dates, amount).
        let h = [
            "id",
            "name",
            "email",
            "account",
            "status",
            "created",
            "lead",
            "mql",
            "sql",
            "closed",
            "amount",
            "owner",
            "source",
            "industry",
            "employees",
            "nps",
            "lost_reason",
        ];
        assert_eq!(Preset::detect(&h), Preset::Custom);
        let m = Mapping::for_preset(Preset::detect(&h), &h);
        assert_eq!(
            m.roles[..13],
            [
                Id, Name, Keep, Account, Status, Created, Lead, Mql, Sql, Closed, Amount, Owner,
                Source
            ]
        );
        // A real export still is its CRM's.
        let hubspot = [
            "Record ID",
            "First Name",
            "Last Name",
            "Email",
            "Company Name",
            "Lifecycle Stage",
            "Create Date",
            "Became a Lead Date",
            "Became a Marketing Qualified Lead Date",
            "Became a Sales Qualified Lead Date",
            "Became a Customer Date",
            "Contact owner",
            "Original Source",
        ];
        assert_eq!(Preset::detect(&hubspot), Preset::HubSpotContacts);
    }

    #[test]
    fn header_words_are_compared_however_they_are_spelt() {
        for h in [
            "Deal Stage",
            "deal_stage",
            "dealStage",
            "DealStage",
            "deal-stage",
            "DEAL.STAGE",
            "  Deal   Stage ",
            "Deal - Deal Stage",
        ] {
            assert_eq!(normalize(h), "deal stage", "{h:?}");
        }
        assert_eq!(normalize("contactID"), "contact id");
        assert_eq!(normalize("HTTPStatus"), "http status");
        assert_eq!(normalize("utm_source2"), "utm source2");
        assert_eq!(normalize("Probability (%)"), "probability");
        // Letters of any script are kept, and lower-cased.
        assert_eq!(normalize("Дата_Создания"), "дата создания");
        assert_eq!(normalize("거래 단계"), "거래 단계");
        assert_eq!(normalize("___"), "");
        // A camelCase HubSpot export is still HubSpot.
        let camel = [
            "recordId",
            "dealName",
            "dealStage",
            "amount",
            "closeDate",
            "createDate",
        ];
        assert_eq!(Preset::detect(&camel), Preset::HubSpotDeals);
    }

    #[test]
    fn a_snake_case_deals_export_maps_itself() {
        // The header of a public CRM sample (sales_pipeline.csv): no preset matches three of
        // its columns, so the guess maps it, with nothing left for the user to choose.
        let h = [
            "opportunity_id",
            "sales_agent",
            "product",
            "account",
            "deal_stage",
            "engage_date",
            "close_date",
            "close_value",
        ];
        assert_eq!(Preset::detect(&h), Preset::Custom);
        let m = Mapping::for_preset(Preset::Custom, &h);
        assert_eq!(m.shape, Shape::Records);
        assert_eq!(
            m.roles,
            [Id, Owner, Keep, Account, Status, Created, Closed, Amount]
        );
        assert_eq!(m.check(), Ok(()));
        let camel = [
            "opportunityId",
            "salesAgent",
            "dealStage",
            "closeDate",
            "closeValue",
        ];
        assert_eq!(
            Mapping::guess(&camel).roles,
            [Id, Owner, Status, Closed, Amount]
        );
    }

    #[test]
    fn check_catches_bad_mappings() {
        let m = Mapping {
            shape: Shape::Records,
            roles: vec![Id, Amount, Keep, Amount],
        };
        assert_eq!(
            m.check(),
            Err(MappingError::DuplicateRole {
                role: Amount,
                first: 1,
                second: 3
            })
        );
        let ev = |roles: Vec<Role>| Mapping {
            shape: Shape::Events,
            roles,
        };
        assert_eq!(
            ev(vec![EventTime, EventType]).check(),
            Err(MappingError::NoContact)
        );
        assert_eq!(
            ev(vec![Id, EventType]).check(),
            Err(MappingError::NoEventTime)
        );
        assert_eq!(
            ev(vec![Id, EventTime]).check(),
            Err(MappingError::NoEventType)
        );
        assert_eq!(
            ev(vec![Id, EventTime, EventType, Name, Name]).check(),
            Ok(())
        );
        let m = Mapping {
            shape: Shape::Records,
            roles: vec![Id, Channel],
        };
        assert_eq!(
            m.check(),
            Err(MappingError::EventRoleInRecords {
                role: Channel,
                column: 1
            })
        );
        let m = Mapping {
            shape: Shape::Records,
            roles: vec![Ignore, Ignore],
        };
        assert_eq!(m.check(), Err(MappingError::NothingMapped));
    }
}
