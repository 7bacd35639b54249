//! One default rule set per template, written in the text form so that it reads like the
//! rules a user would write. Stage and outcome ids are the templates' slugs; field names and
//! event types are those the demo generator (`domain::demo_data`) produces, and every rule
//! that reads a record field (status, closed, nps, lost reason) has an event-log alternative,
//! so both a HubSpot-like snapshot and a bare event log are classified.

use super::model::RuleSet;
use crate::domain::model::SourceModel;

const COMMON_SCORING: &str = r#"# Fit: the companies served best
fit +10 when industry in ("Software", "Professional services", "Financial services")
fit +5 when employees range 50..5000
fit -15 when email contains "@gmail."
"#;

/// Hinge: professional services.
pub const HINGE: &str = r#"# Engagement: points per event, halved every 30 to 90 days
engage +1 per "web_visit" half-life 30d
engage +2 per "email_click" half-life 30d
engage +5 per "content_download" half-life 60d
engage +10 per "meeting" half-life 60d
engage +20 per "proposal_request" half-life 90d
warm at 15
hot at 40
mql at 25
sql at 45
# Stages: the furthest first, the first match wins
stage former_client when status in ("Churned", "Former customer") or count "churned" >= 1
stage client_experience when (status in ("Closed Won", "closedwon", "Won", "Customer") and closed within 180d) or last "project_start" within 180d or (count "project_start" >= 1 and count "project_end" < 1)
stage between_engagements when status in ("Closed Won", "closedwon", "Won", "Customer") or count "project_end" >= 1
stage pre_purchase when status present or count any >= 1
# Outcomes at the decision points
outcome good_experience when at former_client and (nps range 9..10 or count "nps_promoter" >= 1)
outcome bad_experience when at former_client and (nps range 0..6 or count "nps_detractor" >= 1)
outcome returns when at between_engagements and last "proposal_request" within 90d
outcome drifts_away when at between_engagements and not last any within 180d
outcome hired when at client_experience
outcome not_now when (status in ("Closed Lost", "closedlost", "Lost") and lost_reason = "timing") or count "deal_postponed" >= 1
outcome no_way when status in ("Closed Lost", "closedlost", "Lost") or count "deal_lost" >= 1
# Former clients
advocate when nps range 9..10 or count "nps_promoter" >= 1
detractor when nps range 0..6 or count "nps_detractor" >= 1
"#;

/// Scaleo: the seven-stage B2B buyer journey.
pub const SCALEO: &str = r#"# Engagement
engage +1 per "web_visit" half-life 30d
engage +3 per "pricing_view" half-life 30d
engage +5 per "content_download" half-life 60d
engage +15 per "demo_request" half-life 60d
engage +20 per "proposal_request" half-life 90d
warm at 15
hot at 40
mql at 25
sql at 45
# Stages: the furthest first, the first match wins
stage loyalty when (status in ("Customer", "Closed Won", "closedwon", "Won") or count "contract_signed" >= 1) and (count "renewal" >= 1 or count "referral" >= 1)
stage experience when status in ("Customer", "Closed Won", "closedwon", "Won") or count "contract_signed" >= 1
stage purchase_decision when status in ("Negotiation", "Negotiation/Review", "contractsent", "Closed Lost", "closedlost", "Lost") or count "deal_lost" >= 1 or last "proposal_request" within 60d
stage active_evaluation when status in ("Opportunity", "SQL", "salesqualifiedlead", "Proposal/Price Quote", "presentationscheduled") or last "demo_request" within 90d
stage brand_consideration when status in ("MQL", "marketingqualifiedlead") or count "content_download" >= 2 within 90d
stage trigger when last any within 30d
stage out_of_market when status present or count any >= 1
# Outcomes at loyalty: the customer refers others and stays; or a new need (a renewal, an
# upsell) starts a new purchase
outcome refers when at loyalty and count "referral" >= 1
outcome new_need when at loyalty and count "renewal" >= 1
# Outcomes of the purchase decision
outcome signed when at experience or at loyalty
outcome chose_rival when status in ("Closed Lost", "closedlost", "Lost") or count "deal_lost" >= 1
advocate when nps range 9..10 or count "nps_promoter" >= 1
detractor when nps range 0..6 or count "nps_detractor" >= 1
"#;

/// Act-On: the five-stage lifecycle.
pub const ACT_ON: &str = r#"# Engagement
engage +1 per "web_visit" half-life 30d
engage +3 per "email_click" half-life 30d
engage +5 per "form_submit" half-life 60d
engage +8 per "content_download" half-life 60d
engage +10 per "webinar" half-life 60d
engage +25 per "demo_request" half-life 90d
warm at 15
hot at 40
mql at 40
sql at 60
# Stages: the furthest first, the first match wins
stage expand when status in ("Customer", "Closed Won", "closedwon", "Won") or count "contract_signed" >= 1
stage convert when status in ("SQL", "salesqualifiedlead", "Opportunity", "Closed Lost", "closedlost", "Lost", "No Decision") or count "demo_request" >= 1 or count "deal_lost" >= 1 or count "deal_stalled" >= 1
stage nurture when status in ("MQL", "marketingqualifiedlead") or score >= 40 or count "content_download" >= 1
stage capture when status in ("Lead", "Subscriber") or count "form_submit" >= 1
stage attract when status present or count any >= 1
# Outcomes of the conversion
outcome won when at expand
outcome lost when status in ("Closed Lost", "closedlost", "Lost") or count "deal_lost" >= 1
outcome no_decision when status = "No Decision" or count "deal_stalled" >= 1
"#;

/// MarTech: customer journey orchestration.
pub const MARTECH: &str = r#"# Engagement
engage +1 per "web_visit" half-life 30d
engage +1 per "social_click" half-life 30d
engage +3 per "email_click" half-life 30d
engage +8 per "content_download" half-life 60d
engage +20 per "demo_request" half-life 90d
warm at 15
hot at 40
mql at 25
sql at 45
# Stages: the furthest first, the first match wins
stage grow when (status in ("Customer", "Closed Won", "closedwon", "Won") or count "contract_signed" >= 1) and (count "upsell" >= 1 or count "referral" >= 1)
stage retain when status in ("Customer", "Closed Won", "closedwon", "Won") or count "contract_signed" >= 1
stage convert when status in ("SQL", "salesqualifiedlead", "Opportunity") or count "demo_request" >= 1 or count "proposal_request" >= 1
stage nurture when status in ("Lead", "MQL", "marketingqualifiedlead") or count "email_click" >= 1 or count "content_download" >= 1
stage engage when status present or count any >= 1
advocate when nps range 9..10 or count "nps_promoter" >= 1
detractor when nps range 0..6 or count "nps_detractor" >= 1
"#;

/// Blank: scoring only; the user adds stages as the map grows.
pub const BLANK: &str = r#"# Engagement
engage +1 per "web_visit" half-life 30d
engage +3 per "email_click" half-life 30d
engage +20 per "demo_request" half-life 90d
warm at 15
hot at 40
mql at 25
sql at 45
"#;

impl RuleSet {
    /// The default text of a template's rule set.
    pub fn default_text(model: SourceModel) -> String {
        let own = match model {
            SourceModel::Blank => BLANK,
            SourceModel::Hinge => HINGE,
            SourceModel::Scaleo => SCALEO,
            SourceModel::ActOn => ACT_ON,
            SourceModel::MarTech => MARTECH,
        };
        format!("{COMMON_SCORING}{own}")
    }

    /// The default rule set of a template (see [`RuleSet::default_text`]).
    pub fn default_for(model: SourceModel) -> RuleSet {
        // The texts are constants checked by the tests below; a failure here is a bug.
        RuleSet::parse(&Self::default_text(model)).expect("default rules parse")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_parses_and_round_trips_exactly() {
        for model in SourceModel::ALL {
            let text = RuleSet::default_text(model);
            let rules = RuleSet::parse(&text).unwrap_or_else(|e| panic!("{model:?}: {e:?}"));
            // The defaults are written in canonical form, so printing gives the same text.
            assert_eq!(rules.to_string(), text, "{model:?}");
            assert_eq!(RuleSet::parse(&rules.to_string()).unwrap(), rules);
        }
    }
}
