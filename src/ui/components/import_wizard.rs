//! The column-mapping step of a CSV import: how the file is read (encoding, separator, dates),
//! which export it is (preset), what each column means, and the first rows as they will be read.

use leptos::prelude::*;

use super::{ChoiceSelect, ColumnRoles, MappingErrorText};
use crate::domain::dataset::Shape;
use crate::domain::import::{Mapping, Overrides, Preset};
use crate::i18n::*;
use crate::ui::data::expect_data;

#[component]
pub fn ImportWizard() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_data();
    // Memos that borrow what they need: with 13,000 columns, a derived signal that cloned the
    // whole preview on every read (once per column's role) froze the page for a minute.
    let preview = Memo::new(move |_| data.pending.with(|p| p.as_ref().map(|p| p.preview.clone())));
    let file = move || {
        data.pending
            .read()
            .as_ref()
            .map(|p| p.file_name.clone())
            .unwrap_or_default()
    };
    // The mapping being edited lives in the pending preview: reading the file again with other
    // choices starts again from the detected preset's mapping.
    let mapping = Memo::new(move |_| preview.with(|p| p.as_ref().map(|p| p.mapping.clone())));
    let preset =
        Memo::new(move |_| preview.with(|p| p.as_ref().map_or(Preset::Custom, |p| p.preset)));
    let edit = move |f: &dyn Fn(&mut crate::domain::import::Preview)| {
        data.pending.update(|p| {
            if let Some(p) = p {
                f(&mut p.preview);
            }
        })
    };
    let overrides = move || {
        preview
            .get_untracked()
            .map(|p| Overrides {
                encoding: Some(p.encoding),
                delimiter: Some(p.delimiter),
                date_order: Some(p.date_order),
            })
            .unwrap_or_default()
    };
    let check = Memo::new(move |_| mapping.get().map(|m| m.check()));
    let headers = Memo::new(move |_| {
        preview.with(|p| p.as_ref().map(|p| p.headers.clone()).unwrap_or_default())
    });
    let rows = Memo::new(move |_| {
        preview.with(|p| p.as_ref().map(|p| p.rows.clone()).unwrap_or_default())
    });

    let pick_preset = move |preset: Preset| {
        edit(&|p| {
            p.mapping = Mapping::for_preset(preset, &p.headers);
            p.preset = preset;
        })
    };
    let pick_shape = move |shape: Shape| edit(&|p| p.mapping.shape = shape);
    let set_role = move |column: usize, role: crate::domain::import::Role| {
        edit(&|p| {
            if let Some(r) = p.mapping.roles.get_mut(column) {
                *r = role;
            }
        })
    };
    let import = move |_| {
        let (Some(p), Some(m)) = (preview.get_untracked(), mapping.get_untracked()) else {
            return;
        };
        if m.check().is_ok() {
            let mut options = p.options();
            options.mapping = Some(m);
            data.import(options);
        }
    };

    view! {
        <section class="import-wizard" aria-labelledby="mapping-h" data-testid="import-wizard">
            <h3 id="mapping-h">{t!(i18n, mapping_heading)}</h3>
            <p class="hint">{move || t_string!(i18n, mapping_intro, file = file()).to_string()}</p>
            <div class="wizard-settings">
                <ChoiceSelect
                    label=Signal::derive(move || t_string!(i18n, encoding).to_string())
                    value=Signal::derive(move || preview.with(|p| p.as_ref().map(|p| p.encoding)).unwrap_or(crate::domain::import::TextEncoding::Utf8))
                    on_pick=move |e| data.reread(Overrides { encoding: Some(e), ..overrides() })
                    test_id="encoding"
                />
                <ChoiceSelect
                    label=Signal::derive(move || t_string!(i18n, delimiter).to_string())
                    value=Signal::derive(move || preview.with(|p| p.as_ref().map(|p| p.delimiter)).unwrap_or(crate::domain::import::Delimiter::Comma))
                    on_pick=move |d| data.reread(Overrides { delimiter: Some(d), ..overrides() })
                    test_id="delimiter"
                />
                <ChoiceSelect
                    label=Signal::derive(move || t_string!(i18n, date_order).to_string())
                    value=Signal::derive(move || preview.with(|p| p.as_ref().map(|p| p.date_order)).unwrap_or(crate::domain::import::DateOrder::Iso))
                    on_pick=move |d| data.reread(Overrides { date_order: Some(d), ..overrides() })
                    test_id="date-order"
                />
                <ChoiceSelect
                    label=Signal::derive(move || t_string!(i18n, preset).to_string())
                    value=preset
                    on_pick=pick_preset
                    test_id="preset"
                />
                <ChoiceSelect
                    label=Signal::derive(move || t_string!(i18n, shape).to_string())
                    value=Signal::derive(move || mapping.get().map_or(Shape::Records, |m| m.shape))
                    on_pick=pick_shape
                    test_id="shape"
                />
            </div>
            <ColumnRoles headers rows mapping on_role=set_role />
            {move || match check.get() {
                Some(Err(e)) => Some(view! { <p class="error" role="alert"><MappingErrorText error=e headers=headers.get() /></p> }),
                _ => None,
            }}
            <div class="actions">
                <button
                    type="button"
                    class="primary"
                    disabled=move || !matches!(check.get(), Some(Ok(())))
                    on:click=import
                >
                    {t!(i18n, import_start)}
                </button>
                <button type="button" on:click=move |_| data.cancel()>{t!(i18n, cancel)}</button>
            </div>
        </section>
    }
}
