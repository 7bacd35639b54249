//! The column-mapping step: what each column of a file means ([`Role`]), presets for the
//! exports of common CRMs recognised from their header ([`Preset`]), and checking a mapping
//! before import ([`Mapping::check`]).
//!
//! Header names are compared case-insensitively after trimming; Pipedrive's
//! `Deal - Title` style prefix is ignored.

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
        let mut best = (Preset::Custom, 2usize);
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

/// A header name as presets compare it: trimmed, lower case, without a `deal - ` prefix.
fn normalize(h: &str) -> String {
    let h = h.trim().to_lowercase();
    match h.strip_prefix("deal - ") {
        Some(rest) => rest.to_owned(),
        None => h,
    }
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
                "contact" | "contact id" | "contact_id" | "user" | "user id" | "user_id"
                | "email" | "person" | "lead" | "lead id" | "customer" | "customer id" => Id,
                "account" | "account id" | "account_id" | "company" | "organization"
                | "organisation" => Account,
                "time" | "timestamp" | "date" | "datetime" | "event time" | "event_time"
                | "occurred at" | "created_at" | "ts" => EventTime,
                "type" | "event" | "event type" | "event_type" | "action" | "activity" => EventType,
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
                "id" | "record id" | "contact id" | "deal id" | "key" | "email" => Id,
                "name" | "full name" | "contact name" | "deal name" | "title" => Name,
                "account" | "company" | "company name" | "organization" | "account name" => Account,
                "status" | "stage" | "lifecycle stage" | "deal stage" => Status,
                "created" | "create date" | "created date" | "created at" | "created_at" => Created,
                "lead" | "lead date" => Lead,
                "mql" | "mql date" => Mql,
                "sql" | "sql date" => Sql,
                "closed" | "close date" | "closed date" | "closed at" => Closed,
                "amount" | "value" | "revenue" | "deal value" => Amount,
                "owner" | "contact owner" | "deal owner" => Owner,
                "source" | "lead source" | "original source" => Source,
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
