//! The channels a touchpoint can use. A touchpoint stores a channel as a slug (`website`) when it
//! is one of these, shown in the reader's language, or as the user's own words otherwise.

use super::text::{Lang, Text};

/// Known channels: slug and built-in name.
pub fn known() -> Vec<(&'static str, Text)> {
    [
        ("website", "Web site", "웹사이트", "Веб-сайт"),
        ("search", "Search", "검색", "Поиск"),
        (
            "social_media",
            "Social media",
            "소셜 미디어",
            "Социальные сети",
        ),
        ("blog", "Blog", "블로그", "Блог"),
        ("content", "Content", "콘텐츠", "Контент"),
        ("video", "Video", "동영상", "Видео"),
        ("review_site", "Review site", "리뷰 사이트", "Сайт отзывов"),
        ("email", "Email", "이메일", "Эл. почта"),
        ("webinar", "Webinar", "웨비나", "Вебинар"),
        ("event", "Event", "행사", "Мероприятие"),
        ("referral", "Referral", "추천", "Рекомендация"),
        ("phone", "Phone", "전화", "Телефон"),
        ("meeting", "Meeting", "회의", "Встреча"),
        ("demo", "Demo", "데모", "Демо"),
        (
            "project",
            "Project work",
            "프로젝트 수행",
            "Работа над проектом",
        ),
        ("onboarding", "Onboarding", "온보딩", "Онбординг"),
        ("support", "Support", "지원", "Поддержка"),
    ]
    .into_iter()
    .map(|(slug, en, ko, ru)| (slug, Text::builtin(en, ko, ru)))
    .collect()
}

/// How to show a stored channel value in `lang`.
pub fn label(value: &str, lang: Lang) -> String {
    known()
        .into_iter()
        .find(|(slug, _)| *slug == value)
        .map_or_else(|| value.to_owned(), |(_, t)| t.get(lang).to_owned())
}

/// What to store for what the user typed: the slug when it names a known channel in any
/// language (case-insensitive), else the text as typed.
pub fn from_input(input: &str) -> String {
    let typed = input.trim();
    let lower = typed.to_lowercase();
    known()
        .into_iter()
        .find(|(slug, t)| {
            *slug == lower || Lang::ALL.iter().any(|&l| t.get(l).to_lowercase() == lower)
        })
        .map_or_else(|| typed.to_owned(), |(slug, _)| slug.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_channels_are_shown_in_the_readers_language() {
        assert_eq!(label("social_media", Lang::Ko), "소셜 미디어");
        assert_eq!(label("social_media", Lang::En), "Social media");
        assert_eq!(label("Carrier pigeon", Lang::Ru), "Carrier pigeon");
    }

    #[test]
    fn typed_names_in_any_language_become_the_slug() {
        assert_eq!(from_input(" Webinar "), "webinar");
        assert_eq!(from_input("웨비나"), "webinar");
        assert_eq!(from_input("вебинар"), "webinar");
        assert_eq!(from_input("LinkedIn"), "LinkedIn");
    }

    #[test]
    fn every_template_channel_is_known() {
        use crate::domain::{template, SourceModel};
        let slugs: Vec<&str> = known().iter().map(|(s, _)| *s).collect();
        for model in SourceModel::ALL {
            let map = template::build(model, jiff::Timestamp::UNIX_EPOCH);
            for c in &map.cards {
                if let Some(t) = &c.touchpoint {
                    assert!(slugs.contains(&t.channel.as_str()), "{}", t.channel);
                }
            }
        }
    }
}
