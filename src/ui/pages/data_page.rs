//! A map's data view: import a CRM export, check how it is read, see where every contact lands
//! and why, and edit the rules that place them.

use leptos::prelude::*;

use crate::domain::SourceModel;
use crate::i18n::*;
use crate::ui::components::{
    ContactList, DataSource, ImportWizard, LookupTables, RulesEditor, StageTallyTable,
};
use crate::ui::data::expect_data;

#[component]
pub fn DataPage(
    /// Its model, for the sample data.
    model: SourceModel,
) -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_data();
    view! {
        <div class="data-page" data-testid="data-page">
            <section class="data-intro" aria-labelledby="data-h">
                <h2 id="data-h">{t!(i18n, data_heading)}</h2>
                <p class="hint">{t!(i18n, data_intro)}</p>
                <DataSource model />
            </section>
            <Show when=move || data.pending.read().is_some()>
                <ImportWizard />
            </Show>
            <Show when=move || data.loaded.read().is_some()>
                <div class="data-results">
                    <StageTallyTable />
                    <ContactList />
                </div>
                <LookupTables />
            </Show>
            <RulesEditor />
        </div>
    }
}
