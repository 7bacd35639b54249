//! Classifying a whole dataset: every contact's [`Placement`], counts per stage (contacts and
//! accounts), per outcome, temperature, qualification and sentiment; and the explanation of
//! one contact ("why it landed here").
//!
//! **Accounts** are placed in the furthest stage reached by any of their contacts, where
//! *furthest* follows rule order: the stage whose first stage rule comes earliest in the rule
//! set. Stage rules are written most advanced first (the first match wins, so a former client
//! must be tested before a prospect), which makes rule order the journey read backwards. An
//! account none of whose contacts is placed is unplaced.

use serde::{Deserialize, Serialize};

use super::eval::{Compiled, Placement, Qualification, Scratch, Step, Temperature};
use super::model::{RuleSet, Sentiment};
use crate::domain::dataset::{Dataset, Time};

/// The result of [`classify`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Classification {
    /// The as-of time used for windows and decay.
    pub as_of: Time,
    /// Distinct stage ids of the stage rules, in order of their first rule
    /// ([`Placement::stage`] indexes this).
    pub stages: Vec<String>,
    /// Distinct outcome ids of the outcome rules, in order of their first rule.
    pub outcomes: Vec<String>,
    /// One per contact, in dataset order.
    pub placements: Vec<Placement>,
    /// Contacts per stage (parallel to `stages`).
    pub stage_contacts: Vec<u32>,
    pub unplaced_contacts: u32,
    /// Each account's stage (index into `stages`), by account index.
    pub account_stage: Vec<Option<u32>>,
    /// Accounts per stage (parallel to `stages`).
    pub stage_accounts: Vec<u32>,
    pub unplaced_accounts: u32,
    /// Contacts per outcome (parallel to `outcomes`).
    pub outcome_contacts: Vec<u32>,
    pub no_outcome: u32,
    /// Contacts that are cold, warm, hot.
    pub temperatures: [u32; 3],
    /// Contacts that are not qualified, MQL, SQL.
    pub qualifications: [u32; 3],
    /// Contacts with no sentiment, advocates, detractors.
    pub sentiments: [u32; 3],
}

impl Classification {
    /// The stage id of a placement.
    pub fn stage_of(&self, p: &Placement) -> Option<&str> {
        p.stage.map(|s| self.stages[s as usize].as_str())
    }

    /// The outcome id of a placement.
    pub fn outcome_of(&self, p: &Placement) -> Option<&str> {
        p.outcome.map(|s| self.outcomes[s as usize].as_str())
    }

    /// Contacts placed in the stage with this id (0 when no rule names it).
    pub fn contacts_in(&self, stage: &str) -> u32 {
        self.stages
            .iter()
            .position(|s| s == stage)
            .map_or(0, |i| self.stage_contacts[i])
    }

    /// Accounts placed in the stage with this id.
    pub fn accounts_in(&self, stage: &str) -> u32 {
        self.stages
            .iter()
            .position(|s| s == stage)
            .map_or(0, |i| self.stage_accounts[i])
    }

    /// Contacts with this outcome.
    pub fn with_outcome(&self, outcome: &str) -> u32 {
        self.outcomes
            .iter()
            .position(|s| s == outcome)
            .map_or(0, |i| self.outcome_contacts[i])
    }
}

/// Classifies every contact of `data` by `rules` as of `as_of` (events after it are ignored).
pub fn classify(data: &Dataset, rules: &RuleSet, as_of: Time) -> Classification {
    let compiled = Compiled::new(rules, data, as_of);
    let mut scratch = Scratch::default();
    let placements: Vec<Placement> = data
        .contacts
        .iter()
        .map(|c| compiled.place(data, c, &mut scratch, None))
        .collect();

    let n_stages = compiled.stages.len();
    let mut stage_contacts = vec![0; n_stages];
    let mut unplaced_contacts = 0;
    let mut outcome_contacts = vec![0; compiled.outcomes.len()];
    let mut no_outcome = 0;
    let mut temperatures = [0; 3];
    let mut qualifications = [0; 3];
    let mut sentiments = [0; 3];
    let mut account_stage: Vec<Option<u32>> = vec![None; data.accounts.len()];
    for (p, c) in placements.iter().zip(&data.contacts) {
        match p.stage {
            Some(s) => stage_contacts[s as usize] += 1,
            None => unplaced_contacts += 1,
        }
        match p.outcome {
            Some(o) => outcome_contacts[o as usize] += 1,
            None => no_outcome += 1,
        }
        temperatures[match p.temperature {
            Temperature::Cold => 0,
            Temperature::Warm => 1,
            Temperature::Hot => 2,
        }] += 1;
        qualifications[match p.qualification {
            Qualification::None => 0,
            Qualification::Mql => 1,
            Qualification::Sql => 2,
        }] += 1;
        sentiments[match p.sentiment {
            Sentiment::None => 0,
            Sentiment::Advocate => 1,
            Sentiment::Detractor => 2,
        }] += 1;
        if let (Some(a), Some(s)) = (c.account, p.stage) {
            let slot = &mut account_stage[a as usize];
            // Lower index = earlier first rule = further along (see the module docs).
            if slot.is_none_or(|cur| s < cur) {
                *slot = Some(s);
            }
        }
    }
    let mut stage_accounts = vec![0; n_stages];
    let mut unplaced_accounts = 0;
    for s in &account_stage {
        match s {
            Some(s) => stage_accounts[*s as usize] += 1,
            None => unplaced_accounts += 1,
        }
    }
    Classification {
        as_of,
        stages: compiled.stages,
        outcomes: compiled.outcomes,
        placements,
        stage_contacts,
        unplaced_contacts,
        account_stage,
        stage_accounts,
        unplaced_accounts,
        outcome_contacts,
        no_outcome,
        temperatures,
        qualifications,
        sentiments,
    }
}

/// Why one contact landed where it did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// Index of the contact in the dataset.
    pub contact: u32,
    /// The same placement [`classify`] gives.
    pub placement: Placement,
    /// The stage id, if placed.
    pub stage: Option<String>,
    /// The outcome id, if any.
    pub outcome: Option<String>,
    /// Every rule evaluated, in evaluation order: fit rules, engagement rules, thresholds,
    /// then stage rules up to the first match, outcome rules up to the first match and
    /// sentiment rules up to the first match. Comments and the rules after a first match are
    /// not evaluated and not listed.
    pub steps: Vec<Step>,
}

/// Explains the placement of contact `contact` (an index into `data.contacts`), or `None`
/// when there is no such contact.
pub fn explain(
    data: &Dataset,
    rules: &RuleSet,
    contact: usize,
    as_of: Time,
) -> Option<Explanation> {
    let c = data.contacts.get(contact)?;
    let compiled = Compiled::new(rules, data, as_of);
    let mut steps = Vec::new();
    let placement = compiled.place(data, c, &mut Scratch::default(), Some(&mut steps));
    Some(Explanation {
        contact: contact as u32,
        stage: placement.stage.map(|s| compiled.stages[s as usize].clone()),
        outcome: placement
            .outcome
            .map(|s| compiled.outcomes[s as usize].clone()),
        placement,
        steps,
    })
}
