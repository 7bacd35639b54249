//! Any UTF-8 text: `RuleSet::parse` must not panic, and a rule set it accepts must print to
//! text that parses back to the same rule set and prints the same again.
#![no_main]

use journey_mapper::domain::rules::RuleSet;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(rules) = RuleSet::parse(text) {
        let printed = rules.to_string();
        let again = RuleSet::parse(&printed).expect("printed rules parse");
        assert_eq!(again, rules);
        assert_eq!(again.to_string(), printed);
    }
});
