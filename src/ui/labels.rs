//! The user's words for the importer's choices (encodings, separators, dates, presets, column
//! roles), in the UI language, and their stable slugs for `<select>` values.

use crate::domain::dataset::Shape;
use crate::domain::import::{DateOrder, Delimiter, Preset, Role, TextEncoding};
use crate::i18n::*;

/// A value the user picks from a list: its slug (the `<option>` value) and label.
pub trait Choice: Copy + Sized + 'static {
    /// Every value, in the order the list shows them.
    fn all() -> Vec<Self>;
    /// Its serde name, stable across languages.
    fn slug(self) -> String;
    /// Its label in the UI language.
    fn label(self, i18n: leptos_i18n::I18nContext<Locale>) -> String;
    /// The value with this slug.
    fn from_slug(slug: &str) -> Option<Self> {
        Self::all().into_iter().find(|v| v.slug() == slug)
    }
}

/// A value's serde name: the one way choices make their slugs.
pub(crate) fn serde_slug<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

impl Choice for TextEncoding {
    fn all() -> Vec<Self> {
        TextEncoding::ALL.to_vec()
    }
    fn slug(self) -> String {
        serde_slug(self)
    }
    fn label(self, i18n: leptos_i18n::I18nContext<Locale>) -> String {
        match self {
            TextEncoding::Utf8 => t_string!(i18n, enc_utf8),
            TextEncoding::Utf16Le => t_string!(i18n, enc_utf16le),
            TextEncoding::Utf16Be => t_string!(i18n, enc_utf16be),
            TextEncoding::Windows1251 => t_string!(i18n, enc_windows1251),
            TextEncoding::EucKr => t_string!(i18n, enc_euckr),
            TextEncoding::Windows1252 => t_string!(i18n, enc_windows1252),
        }
        .to_string()
    }
}

impl Choice for Delimiter {
    fn all() -> Vec<Self> {
        vec![Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab]
    }
    fn slug(self) -> String {
        serde_slug(self)
    }
    fn label(self, i18n: leptos_i18n::I18nContext<Locale>) -> String {
        match self {
            Delimiter::Comma => t_string!(i18n, delim_comma),
            Delimiter::Semicolon => t_string!(i18n, delim_semicolon),
            Delimiter::Tab => t_string!(i18n, delim_tab),
        }
        .to_string()
    }
}

impl Choice for DateOrder {
    fn all() -> Vec<Self> {
        vec![DateOrder::Iso, DateOrder::Us, DateOrder::European]
    }
    fn slug(self) -> String {
        serde_slug(self)
    }
    fn label(self, i18n: leptos_i18n::I18nContext<Locale>) -> String {
        match self {
            DateOrder::Iso => t_string!(i18n, dates_iso),
            DateOrder::Us => t_string!(i18n, dates_us),
            DateOrder::European => t_string!(i18n, dates_european),
        }
        .to_string()
    }
}

impl Choice for Preset {
    fn all() -> Vec<Self> {
        let mut all = Preset::KNOWN.to_vec();
        all.push(Preset::Custom);
        all
    }
    fn slug(self) -> String {
        serde_slug(self)
    }
    fn label(self, i18n: leptos_i18n::I18nContext<Locale>) -> String {
        match self {
            Preset::HubSpotContacts => t_string!(i18n, preset_hub_spot_contacts),
            Preset::HubSpotDeals => t_string!(i18n, preset_hub_spot_deals),
            Preset::SalesforceOpportunities => t_string!(i18n, preset_salesforce_opportunities),
            Preset::PipedriveDeals => t_string!(i18n, preset_pipedrive_deals),
            Preset::EventLog => t_string!(i18n, preset_event_log),
            Preset::Custom => t_string!(i18n, preset_custom),
        }
        .to_string()
    }
}

impl Choice for Shape {
    fn all() -> Vec<Self> {
        vec![Shape::Records, Shape::Events]
    }
    fn slug(self) -> String {
        serde_slug(self)
    }
    fn label(self, i18n: leptos_i18n::I18nContext<Locale>) -> String {
        match self {
            Shape::Records => t_string!(i18n, shape_records),
            Shape::Events => t_string!(i18n, shape_events),
        }
        .to_string()
    }
}

impl Choice for Role {
    fn all() -> Vec<Self> {
        Role::ALL.to_vec()
    }
    fn slug(self) -> String {
        serde_slug(self)
    }
    fn label(self, i18n: leptos_i18n::I18nContext<Locale>) -> String {
        match self {
            Role::Ignore => t_string!(i18n, role_ignore),
            Role::Id => t_string!(i18n, role_id),
            Role::Name => t_string!(i18n, role_name),
            Role::Account => t_string!(i18n, role_account),
            Role::Status => t_string!(i18n, role_status),
            Role::Created => t_string!(i18n, role_created),
            Role::Lead => t_string!(i18n, role_lead),
            Role::Mql => t_string!(i18n, role_mql),
            Role::Sql => t_string!(i18n, role_sql),
            Role::Closed => t_string!(i18n, role_closed),
            Role::Amount => t_string!(i18n, role_amount),
            Role::Owner => t_string!(i18n, role_owner),
            Role::Source => t_string!(i18n, role_source),
            Role::EventTime => t_string!(i18n, role_event_time),
            Role::EventType => t_string!(i18n, role_event_type),
            Role::Channel => t_string!(i18n, role_channel),
            Role::Value => t_string!(i18n, role_value),
            Role::Keep => t_string!(i18n, role_keep),
        }
        .to_string()
    }
}

/// Implements [`Choice`] for a canvas enum with an `ALL` list, from (variant, key) pairs.
macro_rules! canvas_choice {
    ($t:ty, $($v:path => $key:ident),+ $(,)?) => {
        impl Choice for $t {
            fn all() -> Vec<Self> {
                <$t>::ALL.to_vec()
            }
            fn slug(self) -> String {
                serde_slug(self)
            }
            fn label(self, i18n: leptos_i18n::I18nContext<Locale>) -> String {
                match self {
                    $($v => t_string!(i18n, $key).to_string(),)+
                }
            }
        }
    };
}

use crate::domain::{Evidence, OpportunityStatus, ResearchMethod, Severity};

canvas_choice!(Evidence,
    Evidence::Observed => evidence_observed,
    Evidence::Reported => evidence_reported,
    Evidence::Assumed => evidence_assumed,
);
canvas_choice!(Severity,
    Severity::Low => severity_low,
    Severity::Medium => severity_medium,
    Severity::High => severity_high,
    Severity::Critical => severity_critical,
);
canvas_choice!(OpportunityStatus,
    OpportunityStatus::Idea => status_idea,
    OpportunityStatus::Planned => status_planned,
    OpportunityStatus::InProgress => status_in_progress,
    OpportunityStatus::Done => status_done,
    OpportunityStatus::Dropped => status_dropped,
);
canvas_choice!(ResearchMethod,
    ResearchMethod::ProspectInterview => method_prospect_interview,
    ResearchMethod::LostProspectInterview => method_lost_prospect_interview,
    ResearchMethod::ClientInterview => method_client_interview,
    ResearchMethod::FormerClientInterview => method_former_client_interview,
    ResearchMethod::Survey => method_survey,
    ResearchMethod::Analytics => method_analytics,
);
impl Choice for crate::domain::ContentKind {
    fn all() -> Vec<Self> {
        crate::domain::ContentKind::ALL.to_vec()
    }
    fn slug(self) -> String {
        crate::domain::ContentKind::slug(self).to_owned()
    }
    fn label(self, i18n: leptos_i18n::I18nContext<Locale>) -> String {
        use crate::domain::ContentKind as K;
        match self {
            K::CaseStudy => t_string!(i18n, content_kind_case_study),
            K::WhitePaper => t_string!(i18n, content_kind_white_paper),
            K::Video => t_string!(i18n, content_kind_video),
            K::Demo => t_string!(i18n, content_kind_demo),
            K::Webinar => t_string!(i18n, content_kind_webinar),
            K::Tool => t_string!(i18n, content_kind_tool),
            K::SolutionBrief => t_string!(i18n, content_kind_solution_brief),
            K::Article => t_string!(i18n, content_kind_article),
            K::Other => t_string!(i18n, content_kind_other),
        }
        .to_string()
    }
}
