//! **Hinge** — the professional-services client journey in four phases (pre-purchase, client
//! experience, between engagements, former client), with the decision points where a buyer hires
//! the firm (or not), comes back (or drifts away) and becomes an advocate (or not).
//!
//! Card ids start with `hinge_` (`hinge_q_pre_purchase_1`); Korean and Russian wording comes from
//! seeds 000 and 001.

use jiff::Timestamp;

use crate::domain::model::Presence::{Offline, Online};
use crate::domain::model::*;

use super::{decision, outcome, t, to, Builder};

/// Hinge: the professional-services client journey (seeds 000 Korean, 001 Russian).
pub(super) fn hinge(now: Timestamp) -> JourneyMap {
    let mut b = Builder::new(
        "hinge",
        SourceModel::Hinge,
        t(
            "Hinge client journey",
            "Hinge 고객 여정",
            "Путь клиента по модели Hinge",
        ),
        now,
    );

    b.department("marketing", t("Marketing", "마케팅", "Маркетинг"), &[]);
    b.department(
        "sales",
        t(
            "Business development (sales)",
            "사업 개발(영업)",
            "Развитие бизнеса (продажи)",
        ),
        &[],
    );
    b.department(
        "service",
        t("Service delivery", "서비스 제공", "Оказание услуг"),
        &[],
    );

    // 1. Pre-purchase experience.
    b.stage(
        "pre_purchase",
        t(
            "Pre-purchase experience",
            "구매 전 경험",
            "Опыт перед покупкой",
        ),
        t(
            "The buyer realises they have a problem they can't solve alone, learns of the firm \
             and its rivals, talks to peers, checks web sites and social media, builds a \
             shortlist, interviews the finalists and asks for prices.",
            "잠재 구매자가 스스로 해결할 수 없는 문제가 있음을 깨닫고, 귀사와 경쟁사를 알게 되며, \
             동료와 이야기하고 웹사이트와 소셜 미디어를 확인한 뒤 후보 목록을 만들고, 최종 후보를 \
             인터뷰하고 가격을 묻습니다.",
            "Покупатель понимает, что у него есть проблема, которую он не может решить сам, \
             узнаёт о фирме и её конкурентах, говорит с коллегами, изучает веб-сайты и \
             социальные сети, составляет краткий список, берёт интервью у финалистов и \
             запрашивает цены.",
        ),
    )
    .decision = decision(
        t(
            "Does the buyer hire the firm?",
            "구매자가 귀사를 고용합니까?",
            "Наймёт ли покупатель вашу фирму?",
        ),
        vec![
            outcome(
                "hired",
                t("Hired", "고용됨", "Вы наняты"),
                to("client_experience"),
            ),
            outcome(
                "not_now",
                t("Not now", "지금은 아님", "Не сейчас"),
                to("pre_purchase"),
            ),
            outcome(
                "no_way",
                t("No way", "안 돼요", "Ни в коем случае"),
                Destination::Exit,
            ),
        ],
    );

    // 2. Client experience (the engagement).
    b.stage(
        "client_experience",
        t("Client experience", "고객 경험", "Клиентский опыт"),
        t(
            "During the engagement the client learns what working with the firm is like and what \
             value it delivers. Keep promises, be easy to work with, meet deadlines and stay \
             within budget.",
            "참여 기간 동안 고객은 귀사와 함께 일하는 것이 어떤지, 귀사가 제공하는 가치가 무엇인지 \
             알게 됩니다. 약속을 지키고, 함께 일하기 쉬워야 하며, 마감일과 예산을 지켜야 합니다.",
            "Во время взаимодействия клиент узнаёт, каково работать с фирмой и какую ценность \
             она даёт. Выполняйте обещания, будьте удобны в работе, укладывайтесь в сроки и \
             бюджет.",
        ),
    );

    // 3. Between engagements.
    b.stage(
        "between_engagements",
        t(
            "Between-engagements experience",
            "계약 사이 경험",
            "Опыт между взаимодействиями",
        ),
        t(
            "After the first project the client may come back — the firm is the first one they \
             call — or slip away. Risk of type-casting: the client knows only the one service it \
             bought.",
            "첫 프로젝트가 끝난 뒤 고객은 다시 돌아와 가장 먼저 귀사에 연락할 수도 있고, 멀어질 \
             수도 있습니다. 유형 캐스팅의 위험: 고객은 자신이 구매한 한 가지 서비스만 알고 \
             있습니다.",
            "После первого проекта клиент может вернуться — вы будете первой фирмой, которой он \
             позвонит, — или ускользнуть. Риск ярлыка: клиент знает только ту услугу, которую \
             купил.",
        ),
    )
    .decision = decision(
        t(
            "Does the client come back for another engagement?",
            "고객이 새 계약을 위해 다시 돌아옵니까?",
            "Вернётся ли клиент с новым проектом?",
        ),
        vec![
            outcome(
                "returns",
                t("Returns", "다시 돌아옴", "Возвращается"),
                to("client_experience"),
            ),
            outcome(
                "drifts_away",
                t("Drifts away", "멀어짐", "Ускользает"),
                to("former_client"),
            ),
        ],
    );

    // 4. Former client.
    b.stage(
        "former_client",
        t("Former client", "이전 고객", "Бывший клиент"),
        t(
            "Clients leave for many reasons: a contact retires or changes jobs. Those with a good \
             experience can become strong advocates; those with a bad one won't return or refer.",
            "고객은 담당자의 퇴직이나 이직 등 다양한 이유로 떠납니다. 좋은 경험을 한 고객은 강력한 \
             옹호자가 될 수 있고, 나쁜 경험을 한 고객은 돌아오지도 추천하지도 않습니다.",
            "Клиенты уходят по разным причинам: контакт уходит на пенсию или меняет работу. Те, \
             у кого был хороший опыт, могут стать сильными защитниками фирмы; те, у кого плохой, \
             не вернутся и не порекомендуют её.",
        ),
    )
    .decision = decision(
        t(
            "How does the former client remember the firm?",
            "이전 고객은 귀사를 어떻게 기억합니까?",
            "Каким бывший клиент запомнил фирму?",
        ),
        vec![
            outcome(
                "good_experience",
                t(
                    "Good experience: an advocate who refers others",
                    "좋은 경험: 다른 사람에게 추천하는 옹호자",
                    "Хороший опыт: защитник, который рекомендует вас другим",
                ),
                Destination::Exit,
            ),
            outcome(
                "bad_experience",
                t(
                    "Bad experience: won't return or refer",
                    "나쁜 경험: 돌아오지도 추천하지도 않음",
                    "Плохой опыт: не вернётся и не порекомендует",
                ),
                Destination::Exit,
            ),
        ],
    );

    // Touchpoints.
    b.touchpoint(
        "pre_purchase",
        t(
            "Web site: expertise and past work",
            "웹사이트: 전문성과 과거 경험",
            "Веб-сайт: экспертиза и прошлый опыт",
        ),
        "website",
        Online,
        "marketing",
        "case studies",
    );
    b.touchpoint(
        "pre_purchase",
        t(
            "Peers and referrals",
            "동료와 추천",
            "Коллеги и рекомендации",
        ),
        "referral",
        Offline,
        "sales",
        "",
    );
    b.touchpoint(
        "pre_purchase",
        t(
            "Social media: how others solved similar problems",
            "소셜 미디어: 다른 사람들이 비슷한 문제를 해결한 방법",
            "Социальные сети: как другие решали похожие проблемы",
        ),
        "social_media",
        Online,
        "marketing",
        "",
    );
    b.touchpoint(
        "pre_purchase",
        t(
            "Finalist interview, proposal and pitch meeting",
            "최종 후보 인터뷰, 제안서와 피치 미팅",
            "Интервью с финалистами, предложение и презентация",
        ),
        "meeting",
        Offline,
        "sales",
        "proposal",
    );
    b.touchpoint(
        "client_experience",
        t("Kick-off meeting", "착수 회의", "Стартовая встреча"),
        "meeting",
        Offline,
        "service",
        "",
    );
    b.touchpoint(
        "client_experience",
        t("Project delivery", "프로젝트 수행", "Выполнение проекта"),
        "project",
        Offline,
        "service",
        "deliverables",
    );
    b.touchpoint(
        "client_experience",
        t(
            "Progress reports: on time and within budget?",
            "진행 보고: 일정과 예산을 지키고 있습니까?",
            "Отчёты о ходе работ: в срок и в рамках бюджета?",
        ),
        "email",
        Online,
        "service",
        "status report",
    );
    b.touchpoint(
        "between_engagements",
        t(
            "Check-in call",
            "안부 확인 전화",
            "Звонок, чтобы оставаться на связи",
        ),
        "phone",
        Offline,
        "sales",
        "",
    );
    b.touchpoint(
        "between_engagements",
        t(
            "Newsletter on the full range of services",
            "전체 서비스 범위를 알리는 뉴스레터",
            "Рассылка обо всём спектре услуг",
        ),
        "email",
        Online,
        "marketing",
        "newsletter",
    );
    b.touchpoint(
        "between_engagements",
        t(
            "Client webinar on the firm's other services",
            "귀사의 다른 서비스를 소개하는 고객 웨비나",
            "Вебинар для клиентов о других услугах фирмы",
        ),
        "webinar",
        Online,
        "marketing",
        "webinar",
    );
    b.touchpoint(
        "former_client",
        t(
            "Staying in touch on social media",
            "소셜 미디어로 연락 유지",
            "Поддержание связи в социальных сетях",
        ),
        "social_media",
        Online,
        "marketing",
        "",
    );
    b.touchpoint(
        "former_client",
        t(
            "Follow-up with former clients",
            "이전 고객에 대한 후속 조치",
            "Дальнейшие контакты с бывшими клиентами",
        ),
        "phone",
        Offline,
        "sales",
        "",
    );
    b.touchpoint(
        "former_client",
        t("Referral request", "추천 요청", "Просьба о рекомендации"),
        "referral",
        Offline,
        "sales",
        "",
    );

    // Questions the map must answer from data.
    b.question(
        "pre_purchase",
        t(
            "What share of prospects gets each outcome: hired, not now, no way?",
            "각 결과(고용됨, 지금은 아님, 안 돼요)를 경험하는 잠재 고객의 비율은 얼마입니까?",
            "Какая доля потенциальных клиентов получает каждый исход: «вы наняты», «не сейчас», \
             «ни в коем случае»?",
        ),
    );
    b.question(
        "pre_purchase",
        t(
            "How many prospects become clients?",
            "얼마나 많은 잠재 고객이 고객이 됩니까?",
            "Сколько потенциальных клиентов становятся клиентами?",
        ),
    );
    b.question(
        "pre_purchase",
        t(
            "What do prospects want from a service provider?",
            "잠재 고객은 서비스 제공업체에게 무엇을 원합니까?",
            "Чего потенциальные клиенты хотят от поставщика услуг?",
        ),
    );
    b.question(
        "client_experience",
        t(
            "Are we keeping our promises, easy to work with, on time and within budget?",
            "약속을 지키고 있습니까? 함께 일하기 쉽습니까? 마감일과 예산을 지키고 있습니까?",
            "Выполняем ли мы обещания, легко ли с нами работать, укладываемся ли мы в сроки и \
             бюджет?",
        ),
    );
    b.question(
        "client_experience",
        t(
            "How aware are clients of the full range of services?",
            "고객은 귀사 서비스의 전체 범위를 얼마나 알고 있습니까?",
            "Насколько клиенты знают весь спектр ваших услуг?",
        ),
    );
    b.question(
        "client_experience",
        t(
            "What could improve the client experience and lead to better outcomes?",
            "무엇으로 고객 경험을 개선하고 더 나은 결과를 만들 수 있습니까?",
            "Что может улучшить опыт клиентов и привести к лучшим результатам?",
        ),
    );
    b.question(
        "between_engagements",
        t(
            "How often do clients move to the between-engagements stage?",
            "얼마나 자주 고객이 \"계약 사이\" 단계로 이동합니까?",
            "Как часто клиенты переходят на этап «между взаимодействиями»?",
        ),
    );
    b.question(
        "between_engagements",
        t(
            "How many clients between engagements come back, and why?",
            "계약 사이의 고객 중 얼마나 많은 고객이 돌아오며, 그 이유는 무엇입니까?",
            "Сколько клиентов между взаимодействиями возвращаются и почему?",
        ),
    );
    b.question(
        "between_engagements",
        t(
            "Do clients between engagements know the other services the firm offers?",
            "계약 사이의 고객은 귀사가 제공하는 다른 서비스를 알고 있습니까?",
            "Знают ли клиенты между взаимодействиями о других услугах фирмы?",
        ),
    );
    b.question(
        "former_client",
        t(
            "How many former clients refer the firm, and why?",
            "얼마나 많은 이전 고객이 귀사를 추천하고 있으며, 그 이유는 무엇입니까?",
            "Сколько бывших клиентов рекомендуют вашу фирму и почему?",
        ),
    );
    b.question(
        "former_client",
        t(
            "Are former clients between engagements or gone for good?",
            "이전 고객은 계약 사이에 있습니까, 아니면 영원히 떠났습니까?",
            "Бывшие клиенты находятся между взаимодействиями или ушли навсегда?",
        ),
    );

    // Research sources.
    b.research(
        "pre_purchase",
        Some(ResearchMethod::ProspectInterview),
        t(
            "Interviews with prospects in the market",
            "시장의 잠재 고객 인터뷰",
            "Интервью с потенциальными клиентами на рынке",
        ),
    );
    b.research(
        "pre_purchase",
        Some(ResearchMethod::LostProspectInterview),
        t(
            "Interviews with prospects who chose another firm (\"the ones that got away\")",
            "다른 회사를 선택한 잠재 고객(\"도망자\") 인터뷰",
            "Интервью с теми, кто выбрал другую фирму («те, что ускользнули»)",
        ),
    );
    b.research(
        "client_experience",
        Some(ResearchMethod::ClientInterview),
        t(
            "Interviews with current clients: quality of experience, awareness of the service range",
            "현재 고객 인터뷰: 경험의 질, 서비스 범위에 대한 인지도",
            "Интервью с текущими клиентами: качество опыта, знание спектра услуг",
        ),
    );
    b.research(
        "client_experience",
        Some(ResearchMethod::Survey),
        t(
            "Client-satisfaction surveys",
            "고객 만족도 조사",
            "Опросы об удовлетворённости клиентов",
        ),
    );
    b.research(
        "between_engagements",
        Some(ResearchMethod::ClientInterview),
        t(
            "Research on \"in-betweeners\": interviews with clients between engagements",
            "\"중간자\" 연구: 계약 사이의 고객 인터뷰",
            "Исследование клиентов между взаимодействиями: интервью",
        ),
    );
    b.research(
        "former_client",
        Some(ResearchMethod::FormerClientInterview),
        t(
            "Interviews with former clients: likelihood to refer, and why",
            "이전 고객 조사: 추천 가능성과 그 이유",
            "Интервью с бывшими клиентами: вероятность рекомендации и её причины",
        ),
    );

    // Pain points, opportunities and notes from the article.
    b.pain(
        "pre_purchase",
        t(
            "\"No way\": the buyer may finish the research without ever contacting the firm",
            "\"안 돼요\": 구매자는 귀사에 연락하지 않고 조사를 끝낼 수 있음",
            "«Ни в коем случае»: покупатель может завершить исследование, даже не связавшись с \
             фирмой",
        ),
    );
    b.note(
        "pre_purchase",
        t(
            "\"Not now\" is not a bad place: the buyer thinks well of the firm but the timing is \
             wrong; keep nurturing the prospect",
            "\"지금은 아님\"은 나쁜 결과가 아님: 구매자는 좋은 인상을 갖고 있지만 타이밍이 맞지 \
             않음. 잠재 고객을 계속 육성하세요",
            "«Не сейчас» — не так уж плохо: покупатель хорошо относится к фирме, но время \
             неподходящее; продолжайте работу с ним",
        ),
    );
    b.pain(
        "between_engagements",
        t(
            "Type-casting: the client thinks the one service it bought is all the firm does",
            "유형 캐스팅: 고객은 구매한 한 가지 서비스가 귀사가 하는 유일한 일이라고 생각함",
            "Ярлык: клиент думает, что купленная услуга — единственное, чем занимается фирма",
        ),
    );
    b.pain(
        "between_engagements",
        t(
            "Two or three years is a long time: without contact the client slips away for good",
            "2~3년은 긴 시간: 그 사이에 연락하지 않으면 고객은 영원히 떠남",
            "Два-три года — долгий срок: без контакта клиент ускользнёт навсегда",
        ),
    );
    b.opportunity(
        "between_engagements",
        t(
            "Nurture clients, not just leads: educate them about everything the firm does",
            "리드뿐 아니라 고객도 육성: 귀사가 하는 모든 일을 알리세요",
            "Взращивайте не только лидов, но и клиентов: рассказывайте им обо всём, что делает \
             фирма",
        ),
    );
    b.note(
        "between_engagements",
        t(
            "Without research on prospects and in-betweeners, large parts of the map stay \
             terra incognita",
            "잠재 고객과 \"중간자\"에 대한 연구 없이는 지도의 상당 부분이 미지의 영역(terra \
             incognita)으로 남음",
            "Без исследования потенциальных клиентов и клиентов между взаимодействиями \
             значительная часть карты остаётся terra incognita",
        ),
    );
    b.opportunity(
        "former_client",
        t(
            "Former clients can become strong advocates: don't let them forget you",
            "이전 고객은 강력한 옹호자가 될 수 있음: 귀사를 잊지 않게 하세요",
            "Бывшие клиенты могут стать сильными защитниками фирмы: не дайте им забыть вас",
        ),
    );

    b.finish()
}

#[cfg(test)]
mod tests {
    use crate::domain::model::*;
    use crate::domain::text::Lang;

    use super::super::build;
    use super::super::test_support::*;

    #[test]
    fn hinge_decisions_route_to_the_right_places() {
        let map = build(SourceModel::Hinge, now());
        let stage = |s: &str| Destination::Stage(Id::from(s));

        let hire = decision_of(&map, "pre_purchase");
        assert_eq!(en(&hire.question), "Does the buyer hire the firm?");
        assert_eq!(
            routes(hire),
            vec![
                ("hired", stage("client_experience")),
                ("not_now", stage("pre_purchase")),
                ("no_way", Destination::Exit),
            ]
        );
        assert_eq!(hire.outcomes[1].name.get(Lang::Ko), "지금은 아님");
        assert_eq!(hire.outcomes[1].name.get(Lang::Ru), "Не сейчас");

        assert!(map
            .stage(&Id::from("client_experience"))
            .unwrap()
            .decision
            .is_none());

        assert_eq!(
            routes(decision_of(&map, "between_engagements")),
            vec![
                ("returns", stage("client_experience")),
                ("drifts_away", stage("former_client")),
            ]
        );
        assert_eq!(
            routes(decision_of(&map, "former_client")),
            vec![
                ("good_experience", Destination::Exit),
                ("bad_experience", Destination::Exit),
            ]
        );
    }

    #[test]
    fn hinge_stage_names_come_from_the_articles() {
        let map = build(SourceModel::Hinge, now());
        let name = |id: &str, lang| map.stage(&Id::from(id)).unwrap().name.get(lang).to_owned();
        assert_eq!(name("pre_purchase", Lang::En), "Pre-purchase experience");
        assert_eq!(name("pre_purchase", Lang::Ko), "구매 전 경험");
        assert_eq!(name("pre_purchase", Lang::Ru), "Опыт перед покупкой");
        assert_eq!(name("former_client", Lang::Ko), "이전 고객");
        assert_eq!(name("former_client", Lang::Ru), "Бывший клиент");
    }

    #[test]
    fn hinge_has_questions_research_and_touchpoints_where_the_article_puts_them() {
        let map = build(SourceModel::Hinge, now());
        assert_eq!(
            cards_of(&map, "pre_purchase", CardKind::Question),
            [
                "hinge_q_pre_purchase_1",
                "hinge_q_pre_purchase_2",
                "hinge_q_pre_purchase_3"
            ]
        );
        let title = |id: &str| en(&map.card(&Id::from(id)).unwrap().title).to_owned();
        assert_eq!(
            title("hinge_q_pre_purchase_2"),
            "How many prospects become clients?"
        );
        assert_eq!(
            title("hinge_q_between_engagements_1"),
            "How often do clients move to the between-engagements stage?"
        );
        assert_eq!(
            title("hinge_q_former_client_1"),
            "How many former clients refer the firm, and why?"
        );
        assert!(title("hinge_q_client_experience_2").contains("full range of services"));

        assert!(title("hinge_rs_pre_purchase_2").contains("chose another firm"));
        assert_eq!(
            title("hinge_rs_client_experience_2"),
            "Client-satisfaction surveys"
        );
        assert!(title("hinge_rs_former_client_1").starts_with("Interviews with former clients"));

        for stage in &map.stages {
            let tps = cards_of(&map, stage.id.as_str(), CardKind::Touchpoint);
            assert!(tps.len() >= 3, "{} has {} touchpoints", stage.id, tps.len());
        }
        let pitch = map.card(&Id::from("hinge_tp_pre_purchase_4")).unwrap();
        let tp = pitch.touchpoint.as_ref().unwrap();
        assert_eq!(tp.department, Some(Id::from("sales")));
        assert_eq!(tp.presence, Presence::Offline);

        let depts: Vec<&str> = map.departments.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(depts, ["marketing", "sales", "service"]);
    }

    #[test]
    fn hinge_research_names_its_method() {
        let hinge = build(SourceModel::Hinge, now());
        let methods: Vec<Option<ResearchMethod>> = hinge
            .cards
            .iter()
            .filter(|c| hinge.lane(&c.lane).unwrap().kind == CardKind::ResearchSource)
            .map(|c| c.method)
            .collect();
        assert_eq!(
            methods,
            [
                Some(ResearchMethod::ProspectInterview),
                Some(ResearchMethod::LostProspectInterview),
                Some(ResearchMethod::ClientInterview),
                Some(ResearchMethod::Survey),
                Some(ResearchMethod::ClientInterview),
                Some(ResearchMethod::FormerClientInterview),
            ]
        );
    }
}
