//! The imported contacts: find one by id, name or account, see its stage and score, and open
//! the explanation of why it landed there.

use leptos::prelude::*;

use super::ContactWhy;
use crate::domain::classified::find_contacts;
use crate::domain::Id;
use crate::i18n::*;
use crate::ui::data::expect_data;
use crate::ui::open_map::expect_open_map;

/// How many matching contacts the list shows.
const SHOWN: usize = 50;

#[component]
pub fn ContactList() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_data();
    let open = expect_open_map();
    let query = RwSignal::new(String::new());
    let selected = RwSignal::new(None::<u32>);
    let found = Memo::new(move |_| {
        let loaded = data.loaded.get()?;
        Some(find_contacts(&loaded.dataset, &query.get(), SHOWN))
    });
    let stage_name = move |id: &str| -> String {
        open.stage_name(&Id::new(id.to_owned()))
            .unwrap_or_else(|| id.to_owned())
    };
    let rows = move || {
        let (ids, _) = found.get()?;
        let loaded = data.loaded.get()?;
        let classified = data.classified.get().and_then(Result::ok);
        Some(
            ids.into_iter()
                .map(|i| {
                    let c = &loaded.dataset.contacts[i as usize];
                    let label = match &c.name {
                        Some(n) => format!("{} · {n}", c.key),
                        None => c.key.clone(),
                    };
                    let placed = classified.as_ref().map(|r| {
                        let result = r.classification();
                        let p = &result.placements[i as usize];
                        let stage = result
                            .stage_of(p)
                            .map(stage_name)
                            .unwrap_or_else(|| t_string!(i18n, stage_none).to_string());
                        format!("{stage} · {} {:.0}", t_string!(i18n, score), p.score.total)
                    });
                    view! {
                        <li>
                            <button
                                type="button"
                                class="contact"
                                aria-pressed=move || (selected.get() == Some(i)).to_string()
                                on:click=move |_| selected.set(Some(i))
                            >
                                <span class="contact-key">{label}</span>
                                <span class="contact-stage">{placed}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view(),
        )
    };
    let shown = move || {
        found.get().map(|(ids, total)| {
            t_string!(i18n, contacts_shown, shown = ids.len(), total = total).to_string()
        })
    };
    view! {
        <section class="contacts" aria-labelledby="contacts-h">
            <h3 id="contacts-h">{t!(i18n, contacts_heading)}</h3>
            <label>
                {t!(i18n, find_contact)}
                <input
                    type="search"
                    data-testid="contact-search"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
            </label>
            <p class="hint" aria-live="polite">{shown}</p>
            <div class="contacts-split">
                <ul class="contact-list" data-testid="contact-list">{rows}</ul>
                {move || selected.get().map(|contact| view! {
                    <ContactWhy contact on_close=move || selected.set(None) />
                })}
            </div>
        </section>
    }
}
