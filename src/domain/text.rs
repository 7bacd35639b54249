//! Text in a map: either what the user typed, or built-in text that follows the UI language.
//!
//! Templates fill stage names, questions and lanes with [`Text::Builtin`] so a Hinge map shows
//! "Pre-purchase experience", "구매 전 경험" or "Опыт перед покупкой" in the language the user picks.
//! As soon as the user edits such a text it becomes [`Text::User`] and stays as typed.

use serde::{Deserialize, Serialize};

/// The languages of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Ko,
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ko, Lang::Ru];

    /// BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
            Lang::Ru => "ru",
        }
    }

    /// The language for a BCP 47 tag such as `ko-KR`; `None` when not supported.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "ko" => Some(Lang::Ko),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
    }
}

/// A piece of text shown on the map.
///
/// In JSON a user text is a plain string and a built-in text is `{"en": …, "ko": …, "ru": …}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Text {
    User(String),
    Builtin { en: String, ko: String, ru: String },
}

impl Default for Text {
    fn default() -> Self {
        Text::User(String::new())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::User(s.to_owned())
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text::User(s)
    }
}

impl Text {
    /// Built-in text in the three languages.
    pub fn builtin(en: &str, ko: &str, ru: &str) -> Self {
        Text::Builtin {
            en: en.to_owned(),
            ko: ko.to_owned(),
            ru: ru.to_owned(),
        }
    }

    /// The text to show in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Text::User(s) => s,
            Text::Builtin { en, ko, ru } => match lang {
                Lang::En => en,
                Lang::Ko => ko,
                Lang::Ru => ru,
            },
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Text::User(s) => s.trim().is_empty(),
            Text::Builtin { en, .. } => en.trim().is_empty(),
        }
    }

    /// The longest of the stored variants, in chars (used for size limits).
    pub fn max_chars(&self) -> usize {
        match self {
            Text::User(s) => s.chars().count(),
            Text::Builtin { en, ko, ru } => [en, ko, ru]
                .iter()
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_text_follows_the_language_and_user_text_does_not() {
        let t = Text::builtin("Trigger", "트리거", "Триггер");
        assert_eq!(t.get(Lang::En), "Trigger");
        assert_eq!(t.get(Lang::Ko), "트리거");
        assert_eq!(t.get(Lang::Ru), "Триггер");
        let u = Text::from("Мой этап");
        assert_eq!(u.get(Lang::Ko), "Мой этап");
    }

    #[test]
    fn json_shape_is_a_string_or_an_object() {
        let u: Text = serde_json::from_str("\"hello\"").unwrap();
        assert_eq!(u, Text::from("hello"));
        let b: Text = serde_json::from_str(r#"{"en":"a","ko":"b","ru":"c"}"#).unwrap();
        assert_eq!(b.get(Lang::Ru), "c");
        assert_eq!(serde_json::to_string(&u).unwrap(), "\"hello\"");
    }

    #[test]
    fn language_tags_are_matched_on_the_primary_subtag() {
        assert_eq!(Lang::from_tag("ko-KR"), Some(Lang::Ko));
        assert_eq!(Lang::from_tag("RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_tag("de-DE"), None);
        assert_eq!(Lang::from_tag(""), None);
    }
}
