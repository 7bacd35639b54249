//! Add a card to a stage, or edit one: lane, title, detail, how many stages it spans, its
//! evidence level and persona, and the details of its kind (touchpoint channel, department and
//! content; pain severity; opportunity owner and status; the experience a buying role expects;
//! the research method).

use leptos::prelude::*;

use super::ChoiceSelect;
use crate::domain::document::limits::TEXT_CHARS;
use crate::domain::{
    Card, CardKind, Edit, Evidence, Id, OpportunityStatus, Presence, ResearchMethod, Severity,
    Text, Touchpoint,
};
use crate::i18n::*;
use crate::ui::labels::Choice;
use crate::ui::state::{expect_state, use_lang};

/// With `card: None` adds a new card to `stage` (in `lane`, or the first lane of `kind`);
/// with `Some(id)` edits that card.
#[component]
pub fn CardForm(
    /// The map.
    map: Id,
    /// The stage of a new card.
    stage: Id,
    /// The card to edit; `None` adds one.
    card: Option<Id>,
    /// The kind of lane a new card goes to when `lane` is `None`.
    kind: CardKind,
    /// The lane of a new card.
    #[prop(optional_no_strip)]
    lane: Option<Id>,
    /// Called when the form closes (saved or cancelled).
    #[prop(into)]
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_state();
    let lang = use_lang();
    let l = lang.get_untracked();
    let named = |id: &Id, name: &Text| (id.clone(), name.get(l).to_owned());
    let (lanes, departments, personas, assets, stage_count, existing) =
        state.workspace.with_untracked(|ws| {
            let m = ws.map(&map);
            let lanes: Vec<(Id, String, CardKind)> = m
                .map(|m| {
                    m.lanes
                        .iter()
                        .map(|x| (x.id.clone(), x.name.get(l).to_owned(), x.kind))
                        .collect()
                })
                .unwrap_or_default();
            let departments: Vec<(Id, String)> = m
                .map(|m| {
                    m.departments
                        .iter()
                        .map(|d| named(&d.id, &d.name))
                        .collect()
                })
                .unwrap_or_default();
            let personas: Vec<(Id, String)> = m
                .map(|m| m.personas.iter().map(|p| named(&p.id, &p.name)).collect())
                .unwrap_or_default();
            let assets: Vec<(Id, String)> = m
                .map(|m| m.content.iter().map(|a| named(&a.id, &a.title)).collect())
                .unwrap_or_default();
            let existing = card
                .as_ref()
                .and_then(|c| m.and_then(|m| m.card(c)).cloned());
            let count = m.map_or(1, |m| m.stages.len().max(1));
            (lanes, departments, personas, assets, count, existing)
        });
    let default_lane = existing
        .as_ref()
        .map(|c| c.lane.clone())
        .or(lane)
        .or_else(|| lanes.iter().find(|x| x.2 == kind).map(|x| x.0.clone()))
        .or_else(|| lanes.first().map(|x| x.0.clone()))
        .unwrap_or_else(|| Id::from(""));
    let lane = RwSignal::new(default_lane.0.clone());
    let old = existing.clone();
    let get = move |f: fn(&Card) -> String| old.as_ref().map(f).unwrap_or_default();
    let title = RwSignal::new(
        existing
            .as_ref()
            .map(|c| c.title.get(l).to_owned())
            .unwrap_or_default(),
    );
    let detail = RwSignal::new(get(|c| c.detail.clone()));
    let owner = RwSignal::new(get(|c| c.owner.clone()));
    let expects = RwSignal::new(get(|c| c.expects.clone()));
    let span = RwSignal::new(existing.as_ref().map_or(1, |c| c.span).to_string());
    let evidence = RwSignal::new(existing.as_ref().map_or(Evidence::Assumed, |c| c.evidence));
    let severity = RwSignal::new(slug_of(existing.as_ref().and_then(|c| c.severity)));
    let status = RwSignal::new(slug_of(existing.as_ref().and_then(|c| c.status)));
    let method = RwSignal::new(slug_of(existing.as_ref().and_then(|c| c.method)));
    let persona = RwSignal::new(
        existing
            .as_ref()
            .and_then(|c| c.persona.as_ref())
            .map(|p| p.0.clone())
            .unwrap_or_default(),
    );
    let tp = existing
        .as_ref()
        .and_then(|c| c.touchpoint.clone())
        .unwrap_or_default();
    let channel = RwSignal::new(crate::domain::channel::label(&tp.channel, l));
    let online = RwSignal::new(tp.presence == Presence::Online);
    let dept = RwSignal::new(
        tp.department
            .as_ref()
            .map(|d| d.0.clone())
            .unwrap_or_default(),
    );
    let asset = RwSignal::new(tp.asset.as_ref().map(|a| a.0.clone()).unwrap_or_default());
    let content = RwSignal::new(tp.content.clone());
    let error = RwSignal::new(false);
    // The button that opened the form is gone: put keyboard focus in the form.
    let title_input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = title_input.get() {
            let _ = el.focus();
        }
    });
    let lanes = StoredValue::new(lanes);
    let kind_now = move || {
        let lid = lane.get();
        lanes.with_value(|ls| ls.iter().find(|x| x.0 .0 == lid).map(|x| x.2))
    };
    let is = move |k: CardKind| kind_now() == Some(k);
    let (map, stage) = (StoredValue::new(map), StoredValue::new(stage));
    let existing = StoredValue::new(existing);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = title.get_untracked().trim().to_owned();
        if t.is_empty() {
            error.set(true);
            return;
        }
        let kind = kind_now();
        let touchpoint = (kind == Some(CardKind::Touchpoint)).then(|| Touchpoint {
            channel: crate::domain::channel::from_input(&channel.get_untracked()),
            presence: if online.get_untracked() {
                Presence::Online
            } else {
                Presence::Offline
            },
            department: Some(dept.get_untracked()).filter(|d| !d.is_empty()).map(Id),
            content: content.get_untracked().trim().to_owned(),
            asset: Some(asset.get_untracked())
                .filter(|a| !a.is_empty())
                .map(Id),
        });
        let only = |k: CardKind, v: String| if kind == Some(k) { v } else { String::new() };
        let pick = |k: CardKind, slug: String| (kind == Some(k)).then_some(slug);
        let span = span
            .get_untracked()
            .trim()
            .parse::<u16>()
            .unwrap_or(1)
            .clamp(1, u16::try_from(stage_count).unwrap_or(u16::MAX));
        let lane_id = Id(lane.get_untracked());
        let fill = |c: Card| Card {
            detail: detail.get_untracked(),
            touchpoint,
            span,
            evidence: evidence.get_untracked(),
            persona: Some(persona.get_untracked())
                .filter(|p| !p.is_empty())
                .map(Id),
            severity: pick(CardKind::PainPoint, severity.get_untracked())
                .and_then(|s| Severity::from_slug(&s)),
            owner: only(
                CardKind::Opportunity,
                owner.get_untracked().trim().to_owned(),
            ),
            status: pick(CardKind::Opportunity, status.get_untracked())
                .and_then(|s| OpportunityStatus::from_slug(&s)),
            expects: only(
                CardKind::BuyingRole,
                expects.get_untracked().trim().to_owned(),
            ),
            method: pick(CardKind::ResearchSource, method.get_untracked())
                .and_then(|s| ResearchMethod::from_slug(&s)),
            ..c
        };
        match existing.get_value() {
            Some(old) => {
                let title = if old.title.get(l) == t {
                    old.title.clone()
                } else {
                    Text::User(t)
                };
                let moved_lane = old.lane != lane_id;
                let updated = fill(Card {
                    title,
                    ..old.clone()
                });
                state.edit(&map.get_value(), Edit::UpdateCard { card: updated });
                if moved_lane {
                    state.edit(
                        &map.get_value(),
                        Edit::MoveCard {
                            id: old.id.clone(),
                            stage: old.stage.clone(),
                            lane: lane_id,
                            before: None,
                        },
                    );
                }
            }
            None => {
                let card = fill(Card::plain(
                    Id::random(),
                    stage.get_value(),
                    lane_id,
                    Text::User(t),
                ));
                state.edit(
                    &map.get_value(),
                    Edit::InsertCard {
                        index: usize::MAX,
                        card,
                    },
                );
            }
        }
        on_done.run(());
    };
    let uid = StoredValue::new(Id::random().0);
    let fid = move |name: &str| format!("{name}-{}", uid.get_value());
    let lane_options = lanes.with_value(|ls| {
        ls.iter()
            .map(|(id, name, _)| view! { <option value=id.0.clone()>{name.clone()}</option> })
            .collect_view()
    });
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
    let is_new = existing.with_value(|e| e.is_none());
    let channel_options = move || {
        crate::domain::channel::known()
            .into_iter()
            .map(|(_, name)| view! { <option value=name.get(l).to_owned()></option> })
            .collect_view()
    };
    let select = move |sig: RwSignal<String>| {
        (
            move || sig.get(),
            move |ev: leptos::ev::Event| sig.set(event_target_value(&ev)),
        )
    };
    let (sev_v, sev_set) = select(severity);
    let (st_v, st_set) = select(status);
    let (me_v, me_set) = select(method);
    let (pe_v, pe_set) = select(persona);
    let (as_v, as_set) = select(asset);

    view! {
        <form class="card-form" on:submit=submit
            on:keydown=move |ev| {
                // Keys typed in the form are the form's, not the canvas's.
                ev.stop_propagation();
                if ev.key() == "Escape" { on_done.run(()) }
            }>
            <label for=fid("lane")>{t!(i18n, lane)}</label>
            <select id=fid("lane") prop:value=move || lane.get() on:change=move |ev| lane.set(event_target_value(&ev))>
                {lane_options}
            </select>
            <label for=fid("title")>{t!(i18n, card_title)}</label>
            <input id=fid("title") node_ref=title_input bind:value=title maxlength=TEXT_CHARS.to_string() required aria-invalid=move || error.get().to_string() />
            <Show when=move || error.get()>
                <p class="field-error" role="alert">{t!(i18n, title_required)}</p>
            </Show>
            <label for=fid("detail")>{t!(i18n, detail)}</label>
            <textarea id=fid("detail") rows="2" bind:value=detail maxlength=TEXT_CHARS.to_string()></textarea>
            <div class="form-row">
                <ChoiceSelect label=Signal::derive(move || t_string!(i18n, evidence).to_string())
                    value=Signal::derive(move || evidence.get()) on_pick=move |e| evidence.set(e) />
                <label class="choice">
                    <span>{t!(i18n, card_span)}</span>
                    <input type="number" min="1" max=stage_count bind:value=span class="narrow" />
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
                <input id=fid("owner") bind:value=owner maxlength=TEXT_CHARS.to_string() />
                <label for=fid("status")>{t!(i18n, opportunity_status)}</label>
                <select id=fid("status") prop:value=st_v on:change=st_set>
                    <option value="">{t!(i18n, none)}</option>
                    {status_options.clone()}
                </select>
            </Show>
            <Show when=move || is(CardKind::BuyingRole)>
                <label for=fid("expects")>{t!(i18n, role_expects)}</label>
                <textarea id=fid("expects") rows="2" bind:value=expects maxlength=TEXT_CHARS.to_string()></textarea>
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
                    <input id=fid("channel") bind:value=channel maxlength=TEXT_CHARS.to_string() list=fid("channels") />
                    <datalist id=fid("channels")>{channel_options}</datalist>
                    <label class="inline">
                        <input type="checkbox" bind:checked=online />
                        {t!(i18n, online)}
                    </label>
                    <label for=fid("dept")>{t!(i18n, department)}</label>
                    <select id=fid("dept") prop:value=move || dept.get() on:change=move |ev| dept.set(event_target_value(&ev))>
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
                    <input id=fid("content") bind:value=content maxlength=TEXT_CHARS.to_string() />
                </fieldset>
            </Show>
            <div class="form-actions">
                <button type="submit" class="primary">
                    {if is_new { t!(i18n, add_card).into_any() } else { t!(i18n, save).into_any() }}
                </button>
                <button type="button" on:click=move |_| on_done.run(())>{t!(i18n, cancel)}</button>
            </div>
        </form>
    }
}

/// The `<select>` value of an optional choice (empty for none).
fn slug_of<T: Choice>(value: Option<T>) -> String {
    value.map(Choice::slug).unwrap_or_default()
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
