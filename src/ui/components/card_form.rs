//! Add a card to a stage, or edit one: lane, title, detail, how many stages it spans, its
//! evidence level and persona, and the details of its kind (touchpoint channel, department and
//! content; pain severity; opportunity owner and status; the experience a buying role expects;
//! the research method).

use crate::domain::{Card, Lane, Stage};
use leptos::prelude::*;

use super::{escape_cancels, ChoiceSelect, FieldError, FormActions};
use crate::domain::card_draft::{CardChange, CardDraft, CardDraftError, CardField};
use crate::domain::document::limits::TEXT_CHARS;
use crate::domain::{CardKind, Id, OpportunityStatus, ResearchMethod, Severity, Text};
use crate::i18n::*;
use crate::ui::labels::Choice;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;

/// With `card: None` adds a new card to `stage` (in `lane`, or the first lane of `kind`);
/// with `Some(id)` edits that card. The form's state is one [`CardDraft`]: this component only
/// shows it and dispatches the edits it makes.
#[component]
pub fn CardForm(
    /// The stage of a new card; `None` when editing `card`.
    stage: Option<Id<Stage>>,
    /// The card to edit; `None` adds one.
    card: Option<Id<Card>>,
    /// The kind of lane a new card goes to when `lane` is `None`.
    kind: CardKind,
    /// The lane of a new card.
    #[prop(optional_no_strip)]
    lane: Option<Id<Lane>>,
    /// Called when the form closes (saved or cancelled).
    #[prop(into)]
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let l = use_lang().get_untracked();
    // The options of a `<select>`: (value, label); the value is the id's text.
    let named = |id: &str, name: &Text| (Id::from(id), name.get(l).to_owned());
    let opened = open
        .with_map_untracked(|m| {
            let draft = card
                .as_ref()
                .and_then(|c| CardDraft::edit(m, c, l))
                .or_else(|| CardDraft::new_card(m, stage?, lane, kind, l))?;
            let lanes: Vec<(Id, String)> = m
                .lanes
                .iter()
                .map(|x| named(x.id.as_str(), &x.name))
                .collect();
            let departments: Vec<(Id, String)> = m
                .departments
                .iter()
                .map(|d| named(d.id.as_str(), &d.name))
                .collect();
            let personas: Vec<(Id, String)> = m
                .personas
                .iter()
                .map(|p| named(p.id.as_str(), &p.name))
                .collect();
            let assets: Vec<(Id, String)> = m
                .content
                .iter()
                .map(|a| named(a.id.as_str(), &a.title))
                .collect();
            Some((draft, lanes, departments, personas, assets))
        })
        .flatten();
    let Some((draft, lanes, departments, personas, assets)) = opened else {
        return ().into_any();
    };
    let is_new = draft.is_new();
    let stage_count = draft.stage_count();
    let draft = RwSignal::new(draft);
    let change = move |c: CardChange| draft.update(|d| d.apply(c));
    let error = RwSignal::new(None::<CardDraftError>);
    // The button that opened the form is gone: put keyboard focus in the form.
    let title_input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = title_input.get() {
            let _ = el.focus();
        }
    });
    let kind_now = Memo::new(move |_| draft.with(CardDraft::kind));
    let is = move |k: CardKind| kind_now.get() == Some(k);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft.with_untracked(|d| d.to_edits(Id::random())) {
            Err(e) => error.set(Some(e)),
            Ok(edits) => {
                for edit in edits {
                    open.edit(edit);
                }
                on_done.run(());
            }
        }
    };
    let uid = StoredValue::new(Id::random_text());
    let fid = move |name: &str| format!("{name}-{}", uid.get_value());
    let lane_options = lanes
        .iter()
        .map(|(id, name)| view! { <option value=id.0.clone()>{name.clone()}</option> })
        .collect_view();
    // The option lists are closures, not views: a `<Show>` may draw its children more than once.
    let options = |items: Vec<(Id, String)>| {
        move || {
            items
                .iter()
                .map(|(id, name)| view! { <option value=id.0.clone()>{name.clone()}</option> })
                .collect_view()
        }
    };
    let has_assets = !assets.is_empty();
    let dept_options = options(departments);
    let persona_options = options(personas);
    let asset_options = options(assets);
    let severity_options = choice_options::<Severity>(i18n);
    let status_options = choice_options::<OpportunityStatus>(i18n);
    let method_options = choice_options::<ResearchMethod>(i18n);
    let channel_options = move || {
        crate::domain::channel::known()
            .into_iter()
            .map(|(_, name)| view! { <option value=name.get(l).to_owned()></option> })
            .collect_view()
    };
    // A text field: its value in the draft, and the change typing makes.
    let text = move |get: fn(&CardDraft) -> &String, set: fn(String) -> CardChange| {
        create_slice(draft, move |d| get(d).clone(), move |d, v| d.apply(set(v)))
    };
    // A `<select>` of ids with an empty "none" first.
    let pick = move |get: fn(&CardDraft) -> Option<&str>, set: fn(String) -> CardChange| {
        (
            move || draft.with(|d| get(d).map(str::to_owned).unwrap_or_default()),
            move |ev: leptos::ev::Event| change(set(event_target_value(&ev))),
        )
    };
    let (lane_v, lane_set) = (
        move || draft.with(|d| d.lane.0.clone()),
        move |ev: leptos::ev::Event| change(CardChange::Lane(Id::new(event_target_value(&ev)))),
    );
    let (sev_v, sev_set) = choice(draft, |d| d.severity, CardChange::Severity);
    let (st_v, st_set) = choice(draft, |d| d.status, CardChange::Status);
    let (me_v, me_set) = choice(draft, |d| d.method, CardChange::Method);
    let (pe_v, pe_set) = pick(|d| d.persona.as_ref().map(Id::as_str), CardChange::Persona);
    let (de_v, de_set) = pick(
        |d| d.department.as_ref().map(Id::as_str),
        CardChange::Department,
    );
    let (as_v, as_set) = pick(|d| d.asset.as_ref().map(Id::as_str), CardChange::Asset);
    let add_label = is_new.then(|| Signal::derive(move || t_string!(i18n, add_card).to_string()));
    let keys = escape_cancels(Some(on_done));
    let title_invalid = move || {
        error
            .get()
            .is_some_and(|e| e.field() == CardField::Title)
            .to_string()
    };

    view! {
        <form class="card-form" on:submit=submit
            on:keydown=move |ev| {
                // Keys typed in the form are the form's, not the canvas's.
                ev.stop_propagation();
                keys(ev)
            }>
            <label for=fid("lane")>{t!(i18n, lane)}</label>
            <select id=fid("lane") prop:value=lane_v on:change=lane_set>
                {lane_options}
            </select>
            <label for=fid("title")>{t!(i18n, card_title)}</label>
            <input id=fid("title") node_ref=title_input bind:value=text(|d| &d.title, CardChange::Title) maxlength=TEXT_CHARS.to_string() required aria-invalid=title_invalid />
            <FieldError message=Signal::derive(move || error.get().map(|e| error_text(i18n, e))) />
            <label for=fid("detail")>{t!(i18n, detail)}</label>
            <textarea id=fid("detail") rows="2" bind:value=text(|d| &d.detail, CardChange::Detail) maxlength=TEXT_CHARS.to_string()></textarea>
            <div class="form-row">
                <ChoiceSelect label=Signal::derive(move || t_string!(i18n, evidence).to_string())
                    value=Signal::derive(move || draft.with(|d| d.evidence)) on_pick=move |e| change(CardChange::Evidence(e)) />
                <label class="choice">
                    <span>{t!(i18n, card_span)}</span>
                    <input type="number" min="1" max=stage_count bind:value=text(|d| &d.span, CardChange::Span) class="narrow" />
                </label>
            </div>
            <label for=fid("persona")>{t!(i18n, card_persona)}</label>
            <select id=fid("persona") prop:value=pe_v on:change=pe_set>
                <option value="">{t!(i18n, none)}</option>
                {persona_options}
            </select>
            <Show when=move || is(CardKind::PainPoint)>
                <label for=fid("severity")>{t!(i18n, severity)}</label>
                <select id=fid("severity") prop:value=sev_v on:change=sev_set>
                    <option value="">{t!(i18n, none)}</option>
                    {severity_options.clone()}
                </select>
            </Show>
            <Show when=move || is(CardKind::Opportunity)>
                <label for=fid("owner")>{t!(i18n, opportunity_owner)}</label>
                <input id=fid("owner") bind:value=text(|d| &d.owner, CardChange::Owner) maxlength=TEXT_CHARS.to_string() />
                <label for=fid("status")>{t!(i18n, opportunity_status)}</label>
                <select id=fid("status") prop:value=st_v on:change=st_set>
                    <option value="">{t!(i18n, none)}</option>
                    {status_options.clone()}
                </select>
            </Show>
            <Show when=move || is(CardKind::BuyingRole)>
                <label for=fid("expects")>{t!(i18n, role_expects)}</label>
                <textarea id=fid("expects") rows="2" bind:value=text(|d| &d.expects, CardChange::Expects) maxlength=TEXT_CHARS.to_string()></textarea>
            </Show>
            <Show when=move || is(CardKind::ResearchSource)>
                <label for=fid("method")>{t!(i18n, research_method)}</label>
                <select id=fid("method") prop:value=me_v on:change=me_set>
                    <option value="">{t!(i18n, none)}</option>
                    {method_options.clone()}
                </select>
            </Show>
            <Show when=move || is(CardKind::Touchpoint)>
                <fieldset class="touch-fields">
                    <legend>{t!(i18n, touchpoint)}</legend>
                    <label for=fid("channel")>{t!(i18n, channel)}</label>
                    <input id=fid("channel") bind:value=text(|d| &d.channel, CardChange::Channel) maxlength=TEXT_CHARS.to_string() list=fid("channels") />
                    <datalist id=fid("channels")>{channel_options}</datalist>
                    <label class="inline">
                        <input type="checkbox" bind:checked=create_slice(draft, |d| d.online, |d, v| d.apply(CardChange::Online(v))) />
                        {t!(i18n, online)}
                    </label>
                    <label for=fid("dept")>{t!(i18n, department)}</label>
                    <select id=fid("dept") prop:value=de_v on:change=de_set>
                        <option value="">{t!(i18n, none)}</option>
                        {dept_options.clone()}
                    </select>
                    {has_assets.then(|| view! {
                        <label for=fid("asset")>{t!(i18n, content_asset_link)}</label>
                        <select id=fid("asset") prop:value=as_v on:change=as_set>
                            <option value="">{t!(i18n, none)}</option>
                            {asset_options.clone()}
                        </select>
                    })}
                    <label for=fid("content")>{t!(i18n, content_asset)}</label>
                    <input id=fid("content") bind:value=text(|d| &d.content, CardChange::Content) maxlength=TEXT_CHARS.to_string() />
                </fieldset>
            </Show>
            <FormActions add_label=add_label on_cancel=Some(on_done) />
        </form>
    }
    .into_any()
}

/// Why the card cannot be saved, in the UI language.
fn error_text(i18n: leptos_i18n::I18nContext<Locale>, error: CardDraftError) -> String {
    match error {
        CardDraftError::NoTitle => t_string!(i18n, title_required).to_string(),
        CardDraftError::TooLong {
            field,
            chars,
            limit,
        } => {
            let field = match field {
                CardField::Title => t_string!(i18n, card_title),
                CardField::Detail => t_string!(i18n, detail),
                CardField::Owner => t_string!(i18n, opportunity_owner),
                CardField::Expects => t_string!(i18n, role_expects),
                CardField::Channel => t_string!(i18n, channel),
                CardField::Content => t_string!(i18n, content_asset),
            }
            .to_string();
            t_string!(
                i18n,
                field_too_long,
                field = field,
                chars = chars,
                limit = limit
            )
            .to_string()
        }
    }
}

/// The value and the change handler of a `<select>` over an optional choice (empty for none).
fn choice<T: Choice + Send + Sync>(
    draft: RwSignal<CardDraft>,
    get: fn(&CardDraft) -> Option<T>,
    set: fn(Option<T>) -> CardChange,
) -> (
    impl Fn() -> String + Copy + Send + Sync + 'static,
    impl Fn(leptos::ev::Event) + Copy + 'static,
) {
    (
        move || draft.with(|d| get(d).map(Choice::slug).unwrap_or_default()),
        move |ev: leptos::ev::Event| {
            let picked = T::from_slug(&event_target_value(&ev));
            draft.update(|d| d.apply(set(picked)));
        },
    )
}

/// An `<option>` for every value of a choice, labelled in the UI language.
fn choice_options<T: Choice>(
    i18n: leptos_i18n::I18nContext<Locale>,
) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static {
    move || {
        T::all()
            .into_iter()
            .map(|v| view! { <option value=v.slug()>{v.label(i18n)}</option> })
            .collect_view()
            .into_any()
    }
}
