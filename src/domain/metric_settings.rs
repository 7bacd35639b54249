//! What a map's metrics are measured against: kept in the map file (`"metrics"`), changed with
//! [`crate::domain::Edit::SetMetricSettings`].

use serde::{Deserialize, Serialize};

use crate::domain::id::Id;

/// A map's metric settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MetricSettings {
    /// A stage with fewer visits than this has thin data (terra incognita).
    pub min_records: u32,
    /// A stage whose latest activity is older than this many days has stale data.
    pub stale_days: u32,
    /// The stage that counts as "became a client"; `None`: the stage a decision's winning
    /// outcome leads to (Hinge: hired → client experience).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_stage: Option<Id>,
    /// Service levels between stages (an MQL must reach sales within N days).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub service_levels: Vec<ServiceLevel>,
    /// The column that holds each contact's buying-group role; `None`: a column named
    /// `role`, `buying_role`, `persona` or `dmu_role`, if the file has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_field: Option<String>,
    /// The column that holds the service line or product bought; `None`: a column named
    /// `service_line`, `product`, `service`, `product_line` or `practice`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_field: Option<String>,
}

impl Default for MetricSettings {
    fn default() -> Self {
        MetricSettings {
            min_records: 5,
            stale_days: 180,
            client_stage: None,
            service_levels: Vec::new(),
            role_field: None,
            line_field: None,
        }
    }
}

impl MetricSettings {
    pub fn is_default(&self) -> bool {
        *self == MetricSettings::default()
    }
}

/// A hand-off promise: a contact that enters `from` must reach `to` (or a stage after it)
/// within `days` days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceLevel {
    pub from: Id,
    pub to: Id,
    pub days: u32,
}

/// Column names tried for the buying-group role, in order.
pub const ROLE_FIELDS: [&str; 5] = ["buying_role", "role", "persona", "dmu_role", "job_role"];
/// Column names tried for the service line, in order.
pub const LINE_FIELDS: [&str; 5] = [
    "service_line",
    "product_line",
    "product",
    "service",
    "practice",
];
