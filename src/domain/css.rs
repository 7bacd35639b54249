//! Text put into CSS: a user's id inside a quoted attribute selector (`[data-card-id="…"]`).

/// `s` as a CSS string between double quotes: `\` and `"` escaped, and every control character
/// (a newline would end the string) written as a hex escape, so that no id can end the string
/// or the selector early.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\{:x} ", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `[name="value"]` with the value quoted by [`quoted`].
pub fn attr_selector(name: &str, value: &str) -> String {
    format!("[{name}={}]", quoted(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_backslashes_and_control_characters_are_escaped() {
        assert_eq!(quoted("plain-id_1"), "\"plain-id_1\"");
        assert_eq!(quoted(r#"a"] , * [x=""#), r#""a\"] , * [x=\"""#);
        assert_eq!(quoted("a\\b"), r#""a\\b""#);
        assert_eq!(quoted("a\nb\u{0}c"), "\"a\\a b\\0 c\"");
        assert_eq!(quoted("카드 🚀"), "\"카드 🚀\"");
        assert_eq!(
            attr_selector("data-card-id", "x\"y"),
            r#"[data-card-id="x\"y"]"#
        );
    }
}
