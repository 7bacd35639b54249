//! The browser events the UI listens to outside its own elements (the window's and the
//! document's), in one place: each listener is removed when the component (or the app) that
//! added it goes, so none outlives what it works for. Also: the element an event happened on,
//! for handlers that serve many elements at once (event delegation).

use leptos::prelude::on_cleanup;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Calls `handler` on each `event` of the window while the current owner lives.
pub fn on_window<E: JsCast + 'static>(event: &'static str, handler: impl FnMut(E) + 'static) {
    listen(web_sys::window().map(Into::into), event, handler);
}

/// Calls `handler` on each `event` of the document while the current owner lives.
pub fn on_document<E: JsCast + 'static>(event: &'static str, handler: impl FnMut(E) + 'static) {
    listen(
        web_sys::window().and_then(|w| w.document()).map(Into::into),
        event,
        handler,
    );
}

/// The element `ev` happened on (`None` when its target is not an element).
pub fn target_element(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()
}

fn listen<E: JsCast + 'static>(
    target: Option<web_sys::EventTarget>,
    event: &'static str,
    mut handler: impl FnMut(E) + 'static,
) {
    let Some(target) = target else { return };
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        handler(ev.unchecked_into());
    });
    if target
        .add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
        .is_err()
    {
        return;
    }
    let kept = send_wrapper::SendWrapper::new((target, closure));
    on_cleanup(move || {
        let (target, closure) = &*kept;
        let _ = target.remove_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    });
}
