//! **Scaleo** — the seven-stage B2B buyer journey, a circle rather than a line (loyalty leads
//! back to the trigger), with the roles of the decision-making unit (DMU) and lead-scoring
//! questions.
//!
//! Card ids start with `scaleo_` (`scaleo_tp_trigger_2`); wording from seed 002.

use jiff::Timestamp;

use crate::domain::model::Presence::{Offline, Online};
use crate::domain::model::*;

use super::{decision, outcome, t, to, Builder};

/// Scaleo: the seven-stage, circular B2B buyer journey (seed 002).
pub(super) fn scaleo(now: Timestamp) -> JourneyMap {
    let mut b = Builder::new(
        "scaleo",
        SourceModel::Scaleo,
        t(
            "Scaleo B2B buyer journey (7 stages)",
            "Scaleo B2B 구매자 여정 (7단계)",
            "Путь B2B-покупателя Scaleo (7 этапов)",
        ),
        now,
    );
    b.map.circular = true;

    b.department("marketing", t("Marketing", "마케팅", "Маркетинг"), &[]);
    b.department("sales", t("Sales", "영업", "Продажи"), &[]);
    b.department(
        "service",
        t(
            "Customer service and support",
            "고객 서비스 및 지원",
            "Обслуживание и поддержка клиентов",
        ),
        &[],
    );

    b.stage(
        "out_of_market",
        t("Out of market", "시장 외", "Вне рынка"),
        t(
            "Pre-awareness: the potential lead reads thought-leadership content and follows \
             industry trends on social media, but has not yet recognised the problem.",
            "사전 인식 단계: 잠재적인 리드는 사고 리더십 콘텐츠를 읽고 소셜 미디어에서 산업별 \
             동향을 주시하지만 아직 문제를 인식하지 못합니다.",
            "Этап до осознания: потенциальный лид читает экспертный контент и следит за \
             трендами отрасли в социальных сетях, но ещё не осознал проблему.",
        ),
    );
    b.stage(
        "trigger",
        t("Trigger", "방아쇠", "Триггер"),
        t(
            "A problem has been identified; a project group forms to find the right solution, \
             using search, niche blogs and videos.",
            "문제가 확인되어 올바른 솔루션을 찾기 위한 프로젝트 그룹이 구성되고, Google 검색, 틈새 \
             블로그, 동영상을 활용합니다.",
            "Проблема выявлена; собирается проектная группа, чтобы найти подходящее решение, с \
             помощью поиска, нишевых блогов и видео.",
        ),
    );
    b.stage(
        "brand_consideration",
        t(
            "Brand consideration",
            "브랜드 고려도",
            "Рассмотрение брендов",
        ),
        t(
            "The decision-making unit (DMU) lists possible suppliers and visits supplier and \
             comparison sites such as G2 for reviews. The potential lead becomes a real lead.",
            "의사 결정 단위(DMU)가 잠재적인 공급업체를 나열하고 공급업체 웹사이트와 G2 같은 비교 \
             웹사이트를 방문해 리뷰를 수집합니다. \"잠재적\" 리드가 \"실제\" 리드로 바뀝니다.",
            "Группа принятия решений (DMU) составляет список возможных поставщиков и изучает их \
             сайты и сайты сравнения, например G2, с отзывами. «Потенциальный» лид становится \
             «реальным».",
        ),
    );
    b.stage(
        "active_evaluation",
        t("Active evaluation", "적극적인 평가", "Активная оценка"),
        t(
            "Stakeholders look for added value, expertise and trust in white papers, case \
             studies and demos; sometimes a demo request reaches sales. The long list becomes a \
             short list.",
            "이해 관계자는 백서, 사례 연구, 제품 데모에서 추가적인 가치, 전문성, 신뢰를 찾습니다. \
             때로는 데모 요청으로 영업 부서에 연락합니다. 긴 목록이 작은 후보 목록으로 \
             정리됩니다.",
            "Участники ищут дополнительную ценность, экспертизу и доверие в аналитических \
             материалах, кейсах и демо; иногда запрос демо приходит в отдел продаж. Длинный \
             список сокращается до короткого.",
        ),
    );
    b.stage(
        "purchase_decision",
        t("Purchase decision", "구매 결정", "Решение о покупке"),
        t(
            "Stakeholders choose a supplier from the short list, often after the first real \
             contact with sales and proofs of compatibility. The contract is signed: the buyer \
             journey ends and the customer journey starts.",
            "이해 관계자들이 작은 목록에서 공급업체를 선택합니다. 이때 영업 사원과 처음으로 실제 \
             접촉하고 호환성 증명을 요청하는 경우가 많습니다. 계약이 체결되면 구매자 여정이 \
             끝나고 고객 여정이 시작됩니다.",
            "Участники выбирают поставщика из короткого списка, часто после первого реального \
             контакта с продавцом и подтверждения совместимости. Договор подписан: путь \
             покупателя заканчивается, начинается путь клиента.",
        ),
    )
    .decision = decision(
        t(
            "Which supplier does the DMU choose from the short list?",
            "DMU는 작은 후보 목록에서 어떤 공급업체를 선택합니까?",
            "Какого поставщика DMU выбирает из короткого списка?",
        ),
        vec![
            outcome(
                "signed",
                t("Contract signed", "계약 체결", "Договор подписан"),
                to("experience"),
            ),
            outcome(
                "chose_rival",
                t(
                    "Chose another supplier",
                    "다른 공급업체 선택",
                    "Выбран другой поставщик",
                ),
                Destination::Exit,
            ),
        ],
    );
    b.stage(
        "experience",
        t("Experience", "경험", "Опыт"),
        t(
            "A clear start, reliable support, a good implementation with smooth processes, and a \
             product or service that meets quality expectations.",
            "명확한 출발점, 안정적인 지원, 적절한 구현과 원활하게 실행되는 프로세스, 그리고 품질 \
             기대에 부응하는 제품 또는 서비스.",
            "Понятный старт, надёжная поддержка, хорошее внедрение с отлаженными процессами и \
             продукт или услуга, которые оправдывают ожидания по качеству.",
        ),
    );
    b.stage(
        "loyalty",
        t("Loyalty", "충성도", "Лояльность"),
        t(
            "Retention, upsell and referrals: happy, loyal customers recommend you, and the \
             journey loops back to the start.",
            "유지, 상향 판매, 추천: 행복하고 충성스러운 고객은 다른 사람에게 귀사를 추천하며, 여정은 \
             처음으로 돌아갑니다.",
            "Удержание, допродажи и рекомендации: довольные лояльные клиенты рекомендуют вас, и \
             путь возвращается к началу.",
        ),
    )
    // The circle closes at the trigger: a loyal customer's next need starts a new purchase
    // (an upsell or a new product is easier to sell to an existing customer than to win a new one).
    .decision = decision(
        t(
            "What does the loyal customer do next?",
            "충성 고객은 다음에 무엇을 합니까?",
            "Что лояльный клиент делает дальше?",
        ),
        vec![
            outcome(
                "new_need",
                t(
                    "New need: buys again (upsell, new product)",
                    "새로운 필요: 다시 구매(상향 판매, 새 제품)",
                    "Новая потребность: покупает снова (допродажа, новый продукт)",
                ),
                to("trigger"),
            ),
            outcome(
                "refers",
                t(
                    "Stays and refers others",
                    "머무르며 다른 사람에게 추천",
                    "Остаётся и рекомендует другим",
                ),
                to("loyalty"),
            ),
        ],
    );

    // Roles of the decision-making unit (DMU), where they are active.
    b.role(
        "trigger",
        t(
            "Initiator: spots the problem and starts the search",
            "개시자: 문제를 발견하고 검색을 시작함",
            "Инициатор: замечает проблему и начинает поиск",
        ),
    );
    b.role(
        "trigger",
        t(
            "Project group: stakeholders from several disciplines",
            "프로젝트 그룹: 여러 분야의 이해 관계자",
            "Проектная группа: участники из разных подразделений",
        ),
    );
    b.role(
        "brand_consideration",
        t(
            "DMU: lists possible suppliers and collects reviews",
            "DMU: 잠재적인 공급업체를 나열하고 리뷰를 수집함",
            "DMU: составляет список возможных поставщиков и собирает отзывы",
        ),
    );
    b.role(
        "active_evaluation",
        t(
            "Users: try demos and judge the fit for daily work",
            "사용자: 데모를 체험하고 업무 적합성을 판단함",
            "Пользователи: пробуют демо и оценивают пригодность для работы",
        ),
    );
    b.role(
        "active_evaluation",
        t(
            "IT / technical evaluator: checks demos and compatibility",
            "IT/기술 평가자: 데모와 호환성을 확인함",
            "ИТ-эксперт: проверяет демо и совместимость",
        ),
    );
    b.role(
        "purchase_decision",
        t(
            "Decision maker: chooses the supplier",
            "의사 결정자: 공급업체를 선택함",
            "Лицо, принимающее решение: выбирает поставщика",
        ),
    );
    b.role(
        "purchase_decision",
        t(
            "Budget holder: approves the spend",
            "예산 책임자: 지출을 승인함",
            "Владелец бюджета: утверждает расходы",
        ),
    );
    b.role(
        "purchase_decision",
        t(
            "IT / technical evaluator: asks for proofs of compatibility",
            "IT/기술 평가자: 호환성 증명을 요청함",
            "ИТ-эксперт: запрашивает подтверждение совместимости",
        ),
    );
    b.role(
        "purchase_decision",
        t(
            "Procurement: negotiates and signs the contract",
            "구매 담당: 협상하고 계약을 체결함",
            "Отдел закупок: ведёт переговоры и подписывает договор",
        ),
    );
    b.role(
        "experience",
        t(
            "Users: onboard and work with the product every day",
            "사용자: 온보딩 후 제품을 매일 사용함",
            "Пользователи: проходят онбординг и каждый день работают с продуктом",
        ),
    );
    b.role(
        "loyalty",
        t(
            "Champion: recommends you to peers",
            "챔피언: 동료에게 귀사를 추천함",
            "Сторонник: рекомендует вас коллегам",
        ),
    );

    // Touchpoints, with the channels the article names.
    b.touchpoint(
        "out_of_market",
        t(
            "Thought-leadership content (blog, knowledge base)",
            "사고 리더십 콘텐츠(블로그, 지식 기반)",
            "Экспертный контент (блог, база знаний)",
        ),
        "blog",
        Online,
        "marketing",
        "thought-leadership article",
    );
    b.touchpoint(
        "out_of_market",
        t(
            "Social media: LinkedIn, Medium",
            "소셜 미디어: LinkedIn, Medium",
            "Социальные сети: LinkedIn, Medium",
        ),
        "social_media",
        Online,
        "marketing",
        "",
    );
    b.touchpoint(
        "trigger",
        t(
            "Google search (SEO-optimised content)",
            "Google 검색(SEO에 최적화된 콘텐츠)",
            "Поиск Google (SEO-оптимизированный контент)",
        ),
        "search",
        Online,
        "marketing",
        "SEO content",
    );
    b.touchpoint(
        "trigger",
        t("Niche blogs", "틈새 블로그", "Нишевые блоги"),
        "blog",
        Online,
        "marketing",
        "",
    );
    b.touchpoint(
        "trigger",
        t("Videos", "동영상", "Видео"),
        "video",
        Online,
        "marketing",
        "video",
    );
    b.touchpoint(
        "brand_consideration",
        t(
            "Supplier web site with personalised content",
            "개인화된 콘텐츠가 있는 공급업체 웹사이트",
            "Сайт поставщика с персонализированным контентом",
        ),
        "website",
        Online,
        "marketing",
        "personalised content (CDP)",
    );
    b.touchpoint(
        "brand_consideration",
        t(
            "Comparison sites and reviews (e.g. G2)",
            "비교 웹사이트와 리뷰(예: G2)",
            "Сайты сравнения и отзывы (например, G2)",
        ),
        "review_site",
        Online,
        "marketing",
        "reviews",
    );
    b.touchpoint(
        "active_evaluation",
        t(
            "White papers",
            "백서",
            "Аналитические материалы (white papers)",
        ),
        "content",
        Online,
        "marketing",
        "white paper",
    );
    b.touchpoint(
        "active_evaluation",
        t("Case studies", "사례 연구", "Кейсы"),
        "content",
        Online,
        "marketing",
        "case study",
    );
    b.touchpoint(
        "active_evaluation",
        t(
            "Product demo on request",
            "요청 시 제품 데모",
            "Демо продукта по запросу",
        ),
        "demo",
        Online,
        "sales",
        "demo",
    );
    b.touchpoint(
        "purchase_decision",
        t(
            "First real contact with a sales rep",
            "영업 사원과의 첫 실제 접촉",
            "Первый реальный контакт с продавцом",
        ),
        "meeting",
        Offline,
        "sales",
        "",
    );
    b.touchpoint(
        "purchase_decision",
        t(
            "Proofs of compatibility and service",
            "호환성 및 서비스 증명",
            "Подтверждение совместимости и уровня сервиса",
        ),
        "meeting",
        Offline,
        "sales",
        "proof of compatibility",
    );
    b.touchpoint(
        "experience",
        t(
            "Onboarding: a clear start",
            "온보딩: 명확한 출발점",
            "Онбординг: понятный старт",
        ),
        "onboarding",
        Online,
        "service",
        "",
    );
    b.touchpoint(
        "experience",
        t("Reliable support", "안정적인 지원", "Надёжная поддержка"),
        "support",
        Online,
        "service",
        "",
    );
    b.touchpoint(
        "loyalty",
        t(
            "Regular news on new features and ways of working",
            "새로운 기능과 작업 방식에 대한 정기 안내",
            "Регулярные новости о новых функциях и способах работы",
        ),
        "email",
        Online,
        "marketing",
        "product updates",
    );
    b.touchpoint(
        "loyalty",
        t(
            "Next year's roadmap",
            "내년도 로드맵",
            "Дорожная карта на следующий год",
        ),
        "email",
        Online,
        "service",
        "roadmap",
    );
    b.touchpoint(
        "loyalty",
        t("Upsell offer", "상향 판매 제안", "Предложение допродажи"),
        "meeting",
        Offline,
        "sales",
        "",
    );
    b.touchpoint(
        "loyalty",
        t("Referral program", "추천 프로그램", "Реферальная программа"),
        "referral",
        Online,
        "marketing",
        "",
    );

    // Questions: lead scoring and making every stage measurable.
    b.question(
        "out_of_market",
        t(
            "Which problems that your products or services solve is the target group searching for?",
            "대상 그룹은 귀사의 제품과 서비스로 해결할 수 있는 어떤 문제를 찾고 있습니까?",
            "Какие проблемы, которые решают ваши продукты или услуги, ищет целевая группа?",
        ),
    );
    b.question(
        "trigger",
        t(
            "Which channels do visitors come from, and what content do they consume?",
            "방문자는 어떤 채널에서 오며 어떤 콘텐츠를 소비합니까?",
            "Из каких каналов приходят посетители и какой контент они потребляют?",
        ),
    );
    b.question(
        "trigger",
        t(
            "What next step does the potential lead want to take, and what information does it need?",
            "잠재적인 리드가 취하려는 다음 단계는 무엇이며, 어떤 정보가 필요합니까?",
            "Какой следующий шаг хочет сделать потенциальный лид и какая информация ему нужна?",
        ),
    );
    b.question(
        "brand_consideration",
        t(
            "When does a potential lead become a real lead?",
            "\"잠재적\" 리드는 언제 \"실제\" 리드가 됩니까?",
            "Когда «потенциальный» лид становится «реальным»?",
        ),
    );
    b.question(
        "brand_consideration",
        t(
            "Lead scoring: which conditions place a lead in this stage (content taken in, social \
             interaction, email address given, replies to emails)?",
            "리드 스코어링: 어떤 조건(받아들인 정보, 소셜 미디어 상호 작용, 이메일 주소 제공, 이메일 \
             응답)이 리드를 이 단계에 놓습니까?",
            "Оценка лидов: какие условия относят лид к этому этапу (потреблённый контент, \
             активность в соцсетях, оставленный адрес e-mail, ответы на письма)?",
        ),
    );
    b.question(
        "active_evaluation",
        t(
            "When is a lead ready to talk to sales?",
            "리드는 언제 영업팀에 연락할 준비가 됩니까?",
            "Когда лид готов к разговору с отделом продаж?",
        ),
    );
    b.question(
        "active_evaluation",
        t(
            "Which signals turn a warm lead into a hot lead?",
            "어떤 신호가 따뜻한 리드를 뜨거운 리드로 바꿉니까?",
            "Какие сигналы превращают тёплый лид в горячий?",
        ),
    );
    b.question(
        "purchase_decision",
        t(
            "How many short-listed deals end with a signed contract?",
            "작은 후보 목록에 오른 거래 중 얼마나 많은 거래가 계약 체결로 끝납니까?",
            "Сколько сделок из короткого списка заканчиваются подписанием договора?",
        ),
    );
    b.question(
        "experience",
        t(
            "Does the product or service meet the customer's quality expectations?",
            "제품 또는 서비스가 고객의 품질 기대에 부응합니까?",
            "Оправдывает ли продукт или услуга ожидания клиента по качеству?",
        ),
    );
    b.question(
        "loyalty",
        t(
            "How many customers buy again, buy more or refer others?",
            "얼마나 많은 고객이 재구매, 추가 구매 또는 추천을 합니까?",
            "Сколько клиентов покупают снова, покупают больше или рекомендуют вас?",
        ),
    );
    b.question(
        "loyalty",
        t(
            "What would you want to know and see if you were the customer?",
            "내가 고객 입장에서 알고 싶어하고 확인하고 싶은 것은 무엇입니까?",
            "Что бы вы хотели узнать и увидеть на месте клиента?",
        ),
    );

    // Figures and remarks from the article.
    b.note(
        "trigger",
        t(
            "Over 90 % of B2B purchases are oriented online, and about 70 % start with a generic \
             Google search",
            "B2B 구매의 90% 이상이 온라인 중심이며, 약 70%는 일반 Google 검색으로 시작됨",
            "Более 90 % B2B-покупок начинаются с изучения в интернете, около 70 % — с обычного \
             поиска в Google",
        ),
    );
    b.pain(
        "brand_consideration",
        t(
            "77 % of DMU decision makers found their latest purchase complex: there is too much \
             information",
            "DMU 의사 결정자의 77%가 최근 구매를 복잡하다고 느낌: 정보와 콘텐츠가 너무 많음",
            "77 % лиц, принимающих решения, сочли последнюю покупку сложной: информации слишком \
             много",
        ),
    );
    b.opportunity(
        "brand_consideration",
        t(
            "Reduce complexity with personalised content (customer data platform)",
            "개인화된 콘텐츠로 복잡성 감소 (고객 데이터 플랫폼)",
            "Снизить сложность с помощью персонализированного контента (платформа клиентских \
             данных)",
        ),
    );
    b.note(
        "purchase_decision",
        t(
            "Here the buyer journey ends and the customer journey starts",
            "여기서 구매자 여정이 끝나고 고객 여정이 시작됨",
            "Здесь путь покупателя заканчивается и начинается путь клиента",
        ),
    );
    b.opportunity(
        "loyalty",
        t(
            "Selling more to existing customers is easier than winning new ones",
            "기존 고객에게 판매하는 것이 새로운 고객을 유치하는 것보다 쉬움",
            "Продать существующим клиентам проще, чем привлечь новых",
        ),
    );
    b.note(
        "loyalty",
        t(
            "The journey is a circle: loyal customers come back to the start",
            "여정은 원형: 충성 고객은 다시 처음으로 돌아옴",
            "Путь — это круг: лояльные клиенты возвращаются к началу",
        ),
    );

    b.finish()
}

#[cfg(test)]
mod tests {
    use crate::domain::model::*;

    use super::super::build;
    use super::super::test_support::*;

    #[test]
    fn scaleo_purchase_decision_and_dmu_roles() {
        let map = build(SourceModel::Scaleo, now());
        assert_eq!(
            routes(decision_of(&map, "purchase_decision")),
            vec![
                ("signed", Destination::Stage(Id::from("experience"))),
                ("chose_rival", Destination::Exit),
            ]
        );
        let with_decision: Vec<&str> = map
            .stages
            .iter()
            .filter(|s| s.decision.is_some())
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(with_decision, ["purchase_decision", "loyalty"]);
        // Loyalty → trigger closes the circle (MODELS.md: the journey is a circle).
        assert_eq!(
            routes(decision_of(&map, "loyalty")),
            vec![
                ("new_need", Destination::Stage(Id::from("trigger"))),
                ("refers", Destination::Stage(Id::from("loyalty"))),
            ]
        );

        let roles: Vec<String> = map
            .cards
            .iter()
            .filter(|c| c.lane.as_str() == "buying_role")
            .map(|c| en(&c.title).to_owned())
            .collect();
        for who in [
            "Initiator",
            "Decision maker",
            "Budget holder",
            "IT / technical evaluator",
            "Procurement",
            "Users",
        ] {
            assert!(
                roles.iter().any(|r| r.starts_with(who)),
                "no DMU role {who} in {roles:?}"
            );
        }
        assert_eq!(
            cards_of(&map, "purchase_decision", CardKind::BuyingRole).len(),
            4
        );
        assert!(cards_of(&map, "out_of_market", CardKind::BuyingRole).is_empty());
    }

    #[test]
    fn scaleo_touchpoints_use_the_articles_channels_and_ask_about_lead_scoring() {
        let map = build(SourceModel::Scaleo, now());
        let channels_at = |stage: &str| -> Vec<String> {
            map.cards
                .iter()
                .filter(|c| c.stage.as_str() == stage)
                .filter_map(|c| c.touchpoint.as_ref())
                .map(|t| t.channel.clone())
                .collect()
        };
        assert_eq!(channels_at("out_of_market"), ["blog", "social_media"]);
        assert_eq!(channels_at("trigger"), ["search", "blog", "video"]);
        assert!(channels_at("brand_consideration").contains(&"review_site".to_owned()));
        assert!(channels_at("active_evaluation").contains(&"demo".to_owned()));
        assert!(channels_at("loyalty").contains(&"referral".to_owned()));

        let questions: Vec<String> = map
            .cards
            .iter()
            .filter(|c| c.lane.as_str() == "question")
            .map(|c| en(&c.title).to_owned())
            .collect();
        assert!(questions.contains(&"When is a lead ready to talk to sales?".to_owned()));
        assert!(questions
            .iter()
            .any(|q| q.contains("warm lead into a hot lead")));
        assert!(questions.iter().any(|q| q.starts_with("Lead scoring")));
    }
}
