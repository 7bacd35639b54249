//! **Act-On** — the five-stage lifecycle (attract, capture, nurture, convert, expand) with the
//! metric questions of each stage and which department owns or contributes to it.
//!
//! Card ids start with `acton_` (`acton_q_attract_1`); wording from seed 003.

use jiff::Timestamp;

use crate::domain::model::Presence::{Offline, Online};
use crate::domain::model::*;

use super::{decision, outcome, t, to, Builder};

/// Act-On: the five-stage lifecycle with metric questions and ownership (seed 003).
pub(super) fn act_on(now: Timestamp) -> JourneyMap {
    let mut b = Builder::new(
        "acton",
        SourceModel::ActOn,
        t(
            "Act-On customer lifecycle (5 stages)",
            "Act-On 고객 수명 주기 (5단계)",
            "Жизненный цикл клиента Act-On (5 этапов)",
        ),
        now,
    );

    b.department(
        "marketing",
        t("Marketing", "마케팅", "Маркетинг"),
        &["attract", "capture", "nurture"],
    );
    b.department("sales", t("Sales", "영업", "Продажи"), &["convert"]);
    b.department(
        "service",
        t("Customer service", "고객 서비스", "Клиентский сервис"),
        &["expand"],
    );
    // Marketing and sales contribute to expand; marketing and service help convert; sales
    // already works the nurtured leads.
    b.contributes("marketing", &["convert", "expand"]);
    b.contributes("sales", &["nurture", "expand"]);
    b.contributes("service", &["convert"]);

    b.stage(
        "attract",
        t("Attract", "유치", "Привлечение"),
        t(
            "Prospects start to become aware of the brand. Understand the channels they use and \
             the content they find; grow the audience with more impressions and deeper \
             conversations.",
            "잠재 고객이 브랜드를 인식하기 시작합니다. 그들이 사용하는 채널과 찾는 콘텐츠를 \
             이해하고, 더 많은 인상과 더 깊은 대화로 청중을 늘리세요.",
            "Потенциальные клиенты начинают узнавать бренд. Поймите, какими каналами они \
             пользуются и какой контент находят; расширяйте аудиторию за счёт охвата и более \
             глубоких разговоров.",
        ),
    );
    b.stage(
        "capture",
        t("Capture", "포착", "Захват"),
        t(
            "Find out who the prospects are and what they want, and start a conversation about \
             their interests. Goal: more known prospects in the funnel and as much insight as \
             possible.",
            "잠재 고객이 누구이며 무엇을 원하는지 파악하고 그들의 관심사에 대한 대화를 시작합니다. \
             목표: 퍼널에서 알려진 잠재 고객의 수를 늘리고 가능한 한 많은 통찰력을 얻는 것.",
            "Выясните, кто потенциальные клиенты и чего они хотят, и начните разговор об их \
             интересах. Цель: больше известных потенциальных клиентов в воронке и как можно \
             больше знаний о них.",
        ),
    );
    b.stage(
        "nurture",
        t("Nurture", "육성", "Взращивание"),
        t(
            "Build the relationship through a series of timed touches that help prospects \
             through the buying stages: segmentation, lead scoring, triggered campaigns and \
             automated programs.",
            "세분화, 리드 스코어링, 트리거된 캠페인, 자동화된 프로그램 등 일련의 시간 제한 터치를 \
             통해 잠재 고객과 관계를 구축하고 구매 단계를 통과하도록 돕습니다.",
            "Стройте отношения серией своевременных касаний, которые ведут потенциального \
             клиента по этапам покупки: сегментация, оценка лидов, триггерные кампании и \
             автоматизированные программы.",
        ),
    );
    b.stage(
        "convert",
        t("Convert", "전환", "Конверсия"),
        t(
            "Leads become opportunities and opportunities become sales: the customer chooses \
             your solution, goes to a competitor, or makes no decision. Goal: higher-quality \
             leads at a lower cost per lead and per customer.",
            "리드가 기회로, 기회가 판매로 전환됩니다. 고객은 귀하의 솔루션을 선택하거나 \
             경쟁업체로 이동하거나 결정을 내리지 않습니다. 목표: 리드당 비용과 고객당 비용을 \
             낮추면서 더 높은 품질의 리드를 생성하는 것.",
            "Лиды становятся возможностями, возможности — продажами: клиент выбирает ваше \
             решение, уходит к конкуренту или не принимает решения. Цель: более качественные \
             лиды при меньшей стоимости лида и клиента.",
        ),
    )
    .decision = decision(
        t(
            "Does the customer choose your solution? (\"No decision\" ends 26 % of deals)",
            "고객이 귀하의 솔루션을 선택합니까? (거래의 26%는 \"결정 없음\"으로 끝남)",
            "Выберет ли клиент ваше решение? (26 % сделок заканчиваются «отсутствием решения»)",
        ),
        vec![
            outcome("won", t("Won", "승리", "Сделка выиграна"), to("expand")),
            outcome(
                "lost",
                t(
                    "Lost to a competitor",
                    "경쟁업체로 이동",
                    "Ушёл к конкуренту",
                ),
                Destination::Exit,
            ),
            outcome(
                "no_decision",
                t("No decision", "결정 없음", "Нет решения"),
                Destination::Exit,
            ),
        ],
    );
    b.stage(
        "expand",
        t("Expand", "확장", "Расширение"),
        t(
            "The journey does not end when a prospect becomes a customer: deeper relationships \
             drive resell, upsell, cross-sell and referrals, and raise customer lifetime value.",
            "잠재 고객이 고객이 되더라도 여정은 끝나지 않습니다. 더 깊은 관계는 재판매, 상향 판매, \
             교차 판매와 추천을 이끌고 고객의 평생 가치를 높입니다.",
            "Путь не заканчивается, когда потенциальный клиент становится клиентом: более \
             глубокие отношения дают повторные продажи, допродажи, перекрёстные продажи и \
             рекомендации и повышают пожизненную ценность клиента.",
        ),
    );

    // The questions the metrics of each stage answer, in the article's order.
    for (stage, en, ko, ru) in [
        (
            "attract",
            "Which channels are being used?",
            "어떤 채널이 사용되고 있습니까?",
            "Какие каналы используются?",
        ),
        (
            "attract",
            "Which content is being consumed?",
            "어떤 콘텐츠가 소비되고 있습니까?",
            "Какой контент потребляется?",
        ),
        (
            "attract",
            "How many people consumed the content?",
            "얼마나 많은 사람들이 콘텐츠를 소비했습니까?",
            "Сколько человек потребили контент?",
        ),
        (
            "attract",
            "How often do content consumers share the content?",
            "콘텐츠 소비자는 콘텐츠를 얼마나 자주 공유합니까?",
            "Как часто потребители контента делятся им?",
        ),
        (
            "capture",
            "How many content consumers became known visitors?",
            "알려진 방문자가 된 콘텐츠 소비자는 몇 명입니까?",
            "Сколько потребителей контента стали известными посетителями?",
        ),
        (
            "capture",
            "Which calls to action are most effective, and with which audiences?",
            "가장 효과적인 클릭 유도문안은 무엇입니까? 어떤 청중과 함께?",
            "Какие призывы к действию наиболее эффективны и для какой аудитории?",
        ),
        (
            "capture",
            "Which channels are most effective?",
            "가장 효과적인 채널은 무엇입니까?",
            "Какие каналы наиболее эффективны?",
        ),
        (
            "nurture",
            "How many marketing-qualified leads (MQL) are generated?",
            "얼마나 많은 마케팅 적격 리드(MQL)가 생성됩니까?",
            "Сколько маркетингово квалифицированных лидов (MQL) создаётся?",
        ),
        (
            "nurture",
            "Which automated programs work best?",
            "어떤 자동 프로그램이 가장 효과적입니까?",
            "Какие автоматизированные программы работают лучше всего?",
        ),
        (
            "nurture",
            "What raises the lead score?",
            "리드 점수를 높이는 요인은 무엇입니까?",
            "Что повышает оценку лида?",
        ),
        (
            "convert",
            "How many sales-qualified leads (SQL) are generated?",
            "얼마나 많은 영업 적격 리드(SQL)가 생성됩니까?",
            "Сколько лидов, квалифицированных отделом продаж (SQL), создаётся?",
        ),
        (
            "convert",
            "Which campaigns are most effective at closing opportunities?",
            "기회를 마감하는 데 가장 효과적인 캠페인은 무엇입니까?",
            "Какие кампании лучше всего помогают закрывать сделки?",
        ),
        (
            "convert",
            "How often do content consumers become customers?",
            "콘텐츠 소비자는 얼마나 자주 고객이 되나요?",
            "Как часто потребители контента становятся клиентами?",
        ),
        (
            "expand",
            "How many resells, upsells and cross-sells are generated?",
            "얼마나 많은 재판매, 상향 판매 및 교차 판매가 생성됩니까?",
            "Сколько повторных продаж, допродаж и перекрёстных продаж получено?",
        ),
        (
            "expand",
            "Which customer marketing campaigns and programs are most effective?",
            "가장 효과적인 고객 마케팅 캠페인 및 프로그램은 무엇입니까?",
            "Какие маркетинговые кампании и программы для клиентов наиболее эффективны?",
        ),
        (
            "expand",
            "How often do customers become repeat customers?",
            "고객이 반복 고객으로 전환되는 빈도는?",
            "Как часто клиенты становятся постоянными?",
        ),
        (
            "expand",
            "Which loyalty programs drive the best results?",
            "어떤 충성도 프로그램이 최고의 결과를 이끌어내고 있습니까?",
            "Какие программы лояльности дают лучшие результаты?",
        ),
        (
            "expand",
            "How much revenue comes from existing customers?",
            "기존 고객으로부터 창출되는 수익은 얼마입니까?",
            "Какую выручку приносят существующие клиенты?",
        ),
    ] {
        b.question(stage, t(en, ko, ru));
    }

    // One touchpoint per stage, owned by the department that leads it.
    b.touchpoint(
        "attract",
        t(
            "Content marketing: eBooks and blog posts",
            "콘텐츠 마케팅: eBook과 블로그 게시물",
            "Контент-маркетинг: электронные книги и статьи в блоге",
        ),
        "content",
        Online,
        "marketing",
        "eBook",
    );
    b.touchpoint(
        "capture",
        t(
            "Landing page with a call to action and a form",
            "클릭 유도문안과 양식이 있는 랜딩 페이지",
            "Посадочная страница с призывом к действию и формой",
        ),
        "website",
        Online,
        "marketing",
        "form",
    );
    b.touchpoint(
        "nurture",
        t(
            "Automated, triggered nurture emails",
            "트리거된 자동 육성 이메일",
            "Автоматические триггерные письма для взращивания",
        ),
        "email",
        Online,
        "marketing",
        "nurture program",
    );
    b.touchpoint(
        "convert",
        t(
            "Sales meeting and proposal",
            "영업 미팅과 제안",
            "Встреча с продавцом и коммерческое предложение",
        ),
        "meeting",
        Offline,
        "sales",
        "solution brief",
    );
    b.touchpoint(
        "expand",
        t(
            "Customer marketing and loyalty programs",
            "고객 마케팅 및 충성도 프로그램",
            "Маркетинг для клиентов и программы лояльности",
        ),
        "email",
        Online,
        "marketing",
        "loyalty program",
    );
    b.touchpoint(
        "expand",
        t(
            "Account review with customer service",
            "고객 서비스와의 계정 검토",
            "Обзор сотрудничества с клиентским сервисом",
        ),
        "meeting",
        Offline,
        "service",
        "",
    );

    // Figures, ownership and the steps to close gaps.
    b.note(
        "attract",
        t(
            "Audit existing content (tools, case studies, solution briefs, white papers, videos, \
             demos, webinars) by persona served, question answered and buying stage",
            "기존 콘텐츠(도구, 사례 연구, 솔루션 개요, 백서, 비디오, 데모, 웨비나)를 다루는 사람, \
             답하는 질문, 구매 프로세스 단계별로 감사하세요",
            "Проведите аудит контента (инструменты, кейсы, описания решений, white papers, \
             видео, демо, вебинары) по персонам, вопросам и этапам покупки",
        ),
    );
    b.note(
        "nurture",
        t(
            "Nurtured leads make 47 % more purchases than non-nurtured leads (The Annuitas Group)",
            "육성된 리드는 육성되지 않은 리드보다 47% 더 많은 구매를 함 (The Annuitas Group)",
            "Взращённые лиды совершают на 47 % больше покупок, чем невзращённые (The Annuitas \
             Group)",
        ),
    );
    b.note(
        "convert",
        t(
            "Nurture → convert hand-off: a 3-way service-level agreement (SLA) between marketing, \
             sales and service sets who owns which part of the journey and how they work together",
            "육성 → 전환 인계: 마케팅, 영업, 서비스 간 3방향 서비스 수준 계약(SLA)으로 각 부서가 \
             소유한 여정의 부분과 협력 방법을 정함",
            "Передача от взращивания к конверсии: трёхстороннее соглашение об уровне сервиса \
             (SLA) между маркетингом, продажами и сервисом определяет, кто за какую часть пути \
             отвечает и как они работают вместе",
        ),
    );
    b.note(
        "expand",
        t(
            "Expand is run by agreed mutual steps between sales, service and marketing; \
             marketing and sales contribute",
            "확장 단계는 판매, 서비스, 마케팅 간에 합의된 상호 단계로 관리됨. 마케팅과 영업이 \
             기여함",
            "Расширение ведётся по согласованным шагам между продажами, сервисом и маркетингом; \
             маркетинг и продажи вносят свой вклад",
        ),
    );
    b.opportunity(
        "expand",
        t(
            "Referral leads are worth 4× web leads and 36× cold-call leads",
            "추천 리드는 웹사이트 리드보다 4배, 콜드 콜 리드보다 36배 더 가치 있음",
            "Лиды по рекомендациям ценнее лидов с сайта в 4 раза, а лидов от холодных звонков — \
             в 36 раз",
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
    fn act_on_has_the_articles_questions_at_every_stage() {
        let map = build(SourceModel::ActOn, now());
        let counts: Vec<usize> = map
            .stages
            .iter()
            .map(|s| cards_of(&map, s.id.as_str(), CardKind::Question).len())
            .collect();
        assert_eq!(counts, [4, 3, 3, 3, 5]);

        let title = |id: &str, lang| map.card(&Id::from(id)).unwrap().title.get(lang).to_owned();
        assert_eq!(
            title("acton_q_attract_1", Lang::En),
            "Which channels are being used?"
        );
        assert_eq!(
            title("acton_q_attract_1", Lang::Ko),
            "어떤 채널이 사용되고 있습니까?"
        );
        assert_eq!(
            title("acton_q_capture_1", Lang::En),
            "How many content consumers became known visitors?"
        );
        assert!(title("acton_q_nurture_1", Lang::En).contains("MQL"));
        assert!(title("acton_q_convert_1", Lang::En).contains("SQL"));
        assert_eq!(
            title("acton_q_expand_5", Lang::En),
            "How much revenue comes from existing customers?"
        );
        assert!(map.card(&Id::from("acton_q_expand_6")).is_none());
    }

    #[test]
    fn act_on_ownership_decision_and_sla_note() {
        let map = build(SourceModel::ActOn, now());
        let owns = |d: &str| -> Vec<&str> {
            map.department(&Id::from(d))
                .unwrap()
                .owns
                .iter()
                .map(|s| s.as_str())
                .collect()
        };
        assert_eq!(owns("marketing"), ["attract", "capture", "nurture"]);
        assert_eq!(owns("sales"), ["convert"]);
        assert_eq!(owns("service"), ["expand"]);
        let contributes = |d: &str| -> Vec<&str> {
            map.department(&Id::from(d))
                .unwrap()
                .contributes
                .iter()
                .map(|s| s.as_str())
                .collect()
        };
        assert_eq!(contributes("marketing"), ["convert", "expand"]);
        assert_eq!(contributes("sales"), ["nurture", "expand"]);
        assert_eq!(contributes("service"), ["convert"]);
        assert!(map.handoffs.is_empty(), "SLA texts are the user's to write");

        let convert = decision_of(&map, "convert");
        assert!(en(&convert.question).contains("26 %"));
        assert!(convert.question.get(Lang::Ko).contains("26%"));
        assert_eq!(
            routes(convert),
            vec![
                ("won", Destination::Stage(Id::from("expand"))),
                ("lost", Destination::Exit),
                ("no_decision", Destination::Exit),
            ]
        );

        let sla = map.card(&Id::from("acton_note_convert_1")).unwrap();
        assert!(en(&sla.title).contains("3-way service-level agreement"));
        assert!(sla.title.get(Lang::Ko).contains("3방향"));
    }
}
