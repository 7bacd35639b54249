//! Built-in templates: the four proven journey models and a blank map.
//!
//! * **Hinge** — the professional-services client journey in four phases, with the decision
//!   points where a buyer hires the firm (or not), comes back (or drifts away) and becomes an
//!   advocate (or not).
//! * **Scaleo** — the seven-stage B2B buyer journey, a circle rather than a line, with the roles
//!   of the decision-making unit (DMU) and lead-scoring questions.
//! * **Act-On** — the five-stage lifecycle with the metric questions of each stage and which
//!   department owns it.
//! * **MarTech** — customer journey orchestration across engage, nurture, convert, retain, grow.
//! * **Blank** — no stages, only the standard lanes.
//!
//! All template text is [`Text::Builtin`] in English, Korean and Russian; stage and phase names,
//! outcomes and questions take their Korean and Russian wording from the source articles where
//! the articles name them. Stage, outcome, department and card ids are stable readable slugs
//! (`pre_purchase`, `hired`, `acton_q_attract_1`), so tests and import rules can refer to them;
//! only the map id is fresh on every call.

use jiff::Timestamp;

use super::model::Presence::{Offline, Online};
use super::model::*;
use super::text::Text;

/// Builds a new map from a template. Every call gives fresh map id; stage ids are the stable slugs below.
pub fn build(model: SourceModel, now: Timestamp) -> JourneyMap {
    match model {
        SourceModel::Blank => blank(now),
        SourceModel::Hinge => hinge(now),
        SourceModel::Scaleo => scaleo(now),
        SourceModel::ActOn => act_on(now),
        SourceModel::MarTech => martech(now),
    }
}

fn t(en: &str, ko: &str, ru: &str) -> Text {
    Text::builtin(en, ko, ru)
}

fn to(stage: &str) -> Destination {
    Destination::Stage(Id::from(stage))
}

fn outcome(id: &str, name: Text, leads_to: Destination) -> Outcome {
    Outcome {
        id: Id::from(id),
        name,
        leads_to,
    }
}

fn decision(question: Text, outcomes: Vec<Outcome>) -> Option<DecisionPoint> {
    Some(DecisionPoint { question, outcomes })
}

/// The short kind tag in card ids: `hinge_q_pre_purchase_1`, `scaleo_tp_trigger_2` …
fn kind_tag(kind: CardKind) -> &'static str {
    match kind {
        CardKind::Touchpoint => "tp",
        CardKind::BuyingRole => "role",
        CardKind::PainPoint => "pain",
        CardKind::Opportunity => "opp",
        CardKind::Question => "q",
        CardKind::ResearchSource => "rs",
        CardKind::Note => "note",
    }
}

/// Fills a [`JourneyMap`] with deterministic ids: `{prefix}_{kind}_{stage}_{n}` for cards.
struct Builder {
    map: JourneyMap,
    prefix: &'static str,
}

impl Builder {
    fn new(prefix: &'static str, model: SourceModel, name: Text, now: Timestamp) -> Self {
        let mut b = Builder {
            map: JourneyMap::new(name, model, now),
            prefix,
        };
        b.buying_group();
        b
    }

    fn stage(&mut self, id: &str, name: Text, description: Text) -> &mut Stage {
        self.map.stages.push(Stage {
            id: Id::from(id),
            name,
            description,
            decision: None,
        });
        self.map.stages.last_mut().expect("a stage was just pushed")
    }

    fn department(&mut self, id: &str, name: Text, owns: &[&str]) {
        self.map.departments.push(Department {
            id: Id::from(id),
            name,
            owns: owns.iter().map(|s| Id::from(*s)).collect(),
            contributes: Vec::new(),
        });
    }

    /// Department `id` also contributes to `stages` (without owning them).
    fn contributes(&mut self, id: &str, stages: &[&str]) {
        let d = self
            .map
            .departments
            .iter_mut()
            .find(|d| d.id.as_str() == id)
            .expect("the department was added before");
        d.contributes.extend(stages.iter().map(|s| Id::from(*s)));
    }

    fn card(&mut self, kind: CardKind, stage: &str, title: Text) -> &mut Card {
        let lane = self
            .map
            .lane_for(kind)
            .map(|l| l.id.clone())
            .unwrap_or_else(|| Id::from(kind.slug()));
        let stage = Id::from(stage);
        let n = self
            .map
            .cards
            .iter()
            .filter(|c| c.stage == stage && c.lane == lane)
            .count()
            + 1;
        let id = Id(format!(
            "{}_{}_{}_{}",
            self.prefix,
            kind_tag(kind),
            stage,
            n
        ));
        self.map.cards.push(Card::plain(id, stage, lane, title));
        self.map.cards.last_mut().expect("a card was just pushed")
    }

    fn touchpoint(
        &mut self,
        stage: &str,
        title: Text,
        channel: &str,
        presence: Presence,
        department: &str,
        content: &str,
    ) {
        self.card(CardKind::Touchpoint, stage, title).touchpoint = Some(Touchpoint {
            channel: channel.to_owned(),
            presence,
            department: Some(Id::from(department)),
            content: content.to_owned(),
            asset: None,
        });
    }

    fn question(&mut self, stage: &str, title: Text) {
        self.card(CardKind::Question, stage, title);
    }

    fn research(&mut self, stage: &str, method: Option<ResearchMethod>, title: Text) {
        self.card(CardKind::ResearchSource, stage, title).method = method;
    }

    /// The buying-group members of the model's DMU, for the emotion curve and content audit.
    fn buying_group(&mut self) {
        for (id, name) in [
            (
                "decision_maker",
                t("Decision maker", "의사 결정자", "Лицо, принимающее решение"),
            ),
            (
                "technical_evaluator",
                t("Technical evaluator", "IT/기술 평가자", "ИТ-эксперт"),
            ),
            ("user", t("User", "사용자", "Пользователь")),
        ] {
            self.map.personas.push(Persona {
                id: Id::from(id),
                name,
                description: Text::default(),
            });
        }
    }

    fn role(&mut self, stage: &str, title: Text) {
        self.card(CardKind::BuyingRole, stage, title);
    }

    fn pain(&mut self, stage: &str, title: Text) {
        self.card(CardKind::PainPoint, stage, title);
    }

    fn opportunity(&mut self, stage: &str, title: Text) {
        self.card(CardKind::Opportunity, stage, title);
    }

    fn note(&mut self, stage: &str, title: Text) {
        self.card(CardKind::Note, stage, title);
    }

    fn finish(self) -> JourneyMap {
        self.map
    }
}

fn blank(now: Timestamp) -> JourneyMap {
    JourneyMap::new(
        t("Untitled map", "제목 없는 지도", "Карта без названия"),
        SourceModel::Blank,
        now,
    )
}

/// Hinge: the professional-services client journey (seeds 000 Korean, 001 Russian).
fn hinge(now: Timestamp) -> JourneyMap {
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

/// Scaleo: the seven-stage, circular B2B buyer journey (seed 002).
fn scaleo(now: Timestamp) -> JourneyMap {
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

/// Act-On: the five-stage lifecycle with metric questions and ownership (seed 003).
fn act_on(now: Timestamp) -> JourneyMap {
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

/// MarTech: customer journey orchestration across the whole lifecycle (seed 004).
fn martech(now: Timestamp) -> JourneyMap {
    let mut b = Builder::new(
        "martech",
        SourceModel::MarTech,
        t(
            "MarTech customer journey orchestration",
            "MarTech 고객 여정 오케스트레이션",
            "Оркестровка пути клиента MarTech",
        ),
        now,
    );

    b.department("marketing", t("Marketing", "마케팅", "Маркетинг"), &[]);
    b.department("sales", t("Sales", "영업", "Продажи"), &[]);
    b.department(
        "customer_success",
        t(
            "Customer success and support",
            "고객 성공/지원",
            "Успех клиентов и поддержка",
        ),
        &[],
    );

    b.stage(
        "engage",
        t("Engage", "참여", "Вовлечение"),
        t(
            "Engagement starts before the purchase: deliver meaningful engagement to every \
             customer role active at this stage.",
            "고객 참여는 실제로 구매하기 전에 시작됩니다. 이 단계에서 활동하는 모든 고객 역할에 \
             의미 있는 참여를 제공하세요.",
            "Вовлечение начинается ещё до покупки: обеспечьте значимое взаимодействие с каждой \
             ролью клиента, активной на этом этапе.",
        ),
    );
    b.stage(
        "nurture",
        t("Nurture", "육성", "Взращивание"),
        t(
            "Build the relationship and give each buying role the experience it expects.",
            "관계를 구축하고 각 구매 역할이 기대하는 경험을 제공하세요.",
            "Стройте отношения и давайте каждой роли в закупке тот опыт, которого она ждёт.",
        ),
    );
    b.stage(
        "convert",
        t("Convert", "전환", "Конверсия"),
        t(
            "The buying group chooses you; marketing, sales and customer success act as one \
             team.",
            "구매 그룹이 귀사를 선택합니다. 마케팅, 영업, 고객 성공이 하나의 팀으로 움직입니다.",
            "Группа закупки выбирает вас; маркетинг, продажи и служба успеха клиентов \
             действуют как одна команда.",
        ),
    );
    b.stage(
        "retain",
        t("Retain", "유지", "Удержание"),
        t(
            "Keep nurturing the relationship after the first purchase so that customers renew \
             and stay.",
            "초기 구매 이후에도 관계를 계속 육성하여 고객이 갱신하고 머물도록 하세요.",
            "Продолжайте развивать отношения после первой покупки, чтобы клиенты продлевали \
             договоры и оставались.",
        ),
    );
    b.stage(
        "grow",
        t("Grow", "성장", "Рост"),
        t(
            "Maximise customer lifetime value (CLV): customers who win become advocates.",
            "고객 생애 가치(CLV)를 극대화하세요. 성공한 고객은 지지자가 됩니다.",
            "Максимизируйте пожизненную ценность клиента (CLV): клиенты, добившиеся успеха, \
             становятся сторонниками.",
        ),
    );

    b.touchpoint(
        "engage",
        t(
            "Thought-leadership content for each buying role",
            "구매 역할별 사고 리더십 콘텐츠",
            "Экспертный контент для каждой роли в закупке",
        ),
        "content",
        Online,
        "marketing",
        "",
    );
    b.touchpoint(
        "nurture",
        t(
            "Personalised email programs",
            "개인화된 이메일 프로그램",
            "Персонализированные email-программы",
        ),
        "email",
        Online,
        "marketing",
        "",
    );
    b.touchpoint(
        "convert",
        t(
            "Sales conversations with the buying group",
            "구매 그룹과의 영업 대화",
            "Переговоры с группой закупки",
        ),
        "meeting",
        Offline,
        "sales",
        "",
    );
    b.touchpoint(
        "retain",
        t(
            "Customer success check-ins",
            "고객 성공 정기 점검",
            "Регулярные встречи службы успеха клиентов",
        ),
        "meeting",
        Offline,
        "customer_success",
        "",
    );
    b.touchpoint(
        "retain",
        t("Renewal campaign", "갱신 캠페인", "Кампания по продлению"),
        "email",
        Online,
        "marketing",
        "",
    );
    b.touchpoint(
        "grow",
        t(
            "Expansion offers and advocacy program",
            "확장 제안과 지지자 프로그램",
            "Предложения расширения и программа сторонников",
        ),
        "meeting",
        Offline,
        "sales",
        "",
    );

    b.question(
        "engage",
        t(
            "Which customer roles are active at this stage?",
            "이 단계에서 활성화된 고객 역할은 무엇입니까?",
            "Какие роли клиента активны на этом этапе?",
        ),
    );
    b.question(
        "engage",
        t(
            "Which technology is needed to enable the engagement strategy?",
            "참여 전략을 가능하게 하는 데 필요한 기술은 무엇입니까?",
            "Какие технологии нужны, чтобы реализовать стратегию вовлечения?",
        ),
    );
    b.question(
        "nurture",
        t(
            "What experience do customers expect to feel and have at this stage?",
            "고객은 이 단계에서 무엇을 느끼고 경험하기를 기대합니까?",
            "Что клиенты ожидают почувствовать и получить на этом этапе?",
        ),
    );
    b.question(
        "convert",
        t(
            "Are the internal roles that deliver this experience aligned?",
            "이 경험을 제공하는 조직 내 역할의 기대치가 조정되어 있습니까?",
            "Согласованы ли внутренние роли, которые обеспечивают этот опыт?",
        ),
    );
    b.question(
        "retain",
        t(
            "What share of the customer base renews? (In the article's example, renewing 10 % of \
             the base = $40M incremental revenue)",
            "고객 기반 중 갱신하는 비율은 얼마입니까? (기사의 예: 고객 기반의 10%만 갱신해도 \
             4000만 달러의 증분 수익)",
            "Какая доля клиентской базы продлевает договоры? (В примере из статьи продление 10 % \
             базы = $40 млн дополнительной выручки)",
        ),
    );
    b.question(
        "grow",
        t(
            "What is the customer lifetime value (CLV), and how does it change?",
            "고객 생애 가치(CLV)는 얼마이며 어떻게 변합니까?",
            "Какова пожизненная ценность клиента (CLV) и как она меняется?",
        ),
    );

    b.research(
        "engage",
        Some(ResearchMethod::ClientInterview),
        t(
            "Talk to customers and ask them",
            "고객과 이야기하고 물어보기",
            "Разговоры с клиентами и их опросы",
        ),
    );
    b.research(
        "engage",
        None,
        t(
            "Research on the industries customers work in",
            "고객이 운영하는 산업에 대한 조사",
            "Исследование отраслей, в которых работают клиенты",
        ),
    );
    b.research(
        "nurture",
        None,
        t(
            "Insights from sales and customer success",
            "영업 및 고객 성공 팀의 인사이트",
            "Знания отделов продаж и успеха клиентов",
        ),
    );

    b.note(
        "engage",
        t(
            "Marketing, sales and customer success/support are integrated at every stage",
            "마케팅, 판매 및 고객 성공/지원은 모든 단계에서 통합되어야 함",
            "Маркетинг, продажи и успех клиентов/поддержка объединены на каждом этапе",
        ),
    );
    b.note(
        "retain",
        t(
            "HBR: subscription members with the best experience have a 74 % chance to stay a \
             year, vs 43 % for the worst",
            "HBR: 최고의 경험을 한 구독 고객은 1년 이상 회원을 유지할 확률이 74%, 최악의 경험을 한 \
             고객은 43%",
            "HBR: у подписчиков с лучшим опытом шанс остаться на год — 74 %, с худшим — 43 %",
        ),
    );
    b.note(
        "grow",
        t(
            "HBR: customers with the best past experience spend 140 % more (transaction-based \
             businesses)",
            "HBR: 과거 경험이 가장 좋았던 고객은 140% 더 많이 지출함 (거래 기반 비즈니스)",
            "HBR: клиенты с лучшим прошлым опытом тратят на 140 % больше (транзакционный \
             бизнес)",
        ),
    );

    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::text::Lang;

    fn now() -> Timestamp {
        Timestamp::from_second(1_700_000_000).unwrap()
    }

    fn stage_ids(map: &JourneyMap) -> Vec<&str> {
        map.stages.iter().map(|s| s.id.as_str()).collect()
    }

    fn decision_of<'a>(map: &'a JourneyMap, stage: &str) -> &'a DecisionPoint {
        map.stage(&Id::from(stage))
            .unwrap_or_else(|| panic!("no stage {stage}"))
            .decision
            .as_ref()
            .unwrap_or_else(|| panic!("no decision at {stage}"))
    }

    fn routes(d: &DecisionPoint) -> Vec<(&str, Destination)> {
        d.outcomes
            .iter()
            .map(|o| (o.id.as_str(), o.leads_to.clone()))
            .collect()
    }

    fn cards_of(map: &JourneyMap, stage: &str, kind: CardKind) -> Vec<String> {
        let lane = map.lane_for(kind).unwrap().id.clone();
        map.cards_in(&Id::from(stage), &lane)
            .map(|c| c.id.to_string())
            .collect()
    }

    fn en(text: &Text) -> &str {
        text.get(Lang::En)
    }

    fn all_templates() -> Vec<JourneyMap> {
        SourceModel::ALL.iter().map(|&m| build(m, now())).collect()
    }

    /// Every text of a map, with a label saying where it is.
    fn texts(map: &JourneyMap) -> Vec<(String, &Text)> {
        let mut out = vec![("map name".to_owned(), &map.name)];
        for s in &map.stages {
            out.push((format!("stage {}", s.id), &s.name));
            out.push((format!("stage {} description", s.id), &s.description));
            if let Some(d) = &s.decision {
                out.push((format!("decision at {}", s.id), &d.question));
                for o in &d.outcomes {
                    out.push((format!("outcome {}", o.id), &o.name));
                }
            }
        }
        for l in &map.lanes {
            out.push((format!("lane {}", l.id), &l.name));
        }
        for c in &map.cards {
            out.push((format!("card {}", c.id), &c.title));
        }
        for p in &map.personas {
            out.push((format!("persona {}", p.id), &p.name));
        }
        for d in &map.departments {
            out.push((format!("department {}", d.id), &d.name));
        }
        out
    }

    #[test]
    fn stage_ids_are_the_documented_slugs_in_order() {
        let expected: [(SourceModel, &[&str]); 5] = [
            (
                SourceModel::Hinge,
                &[
                    "pre_purchase",
                    "client_experience",
                    "between_engagements",
                    "former_client",
                ],
            ),
            (
                SourceModel::Scaleo,
                &[
                    "out_of_market",
                    "trigger",
                    "brand_consideration",
                    "active_evaluation",
                    "purchase_decision",
                    "experience",
                    "loyalty",
                ],
            ),
            (
                SourceModel::ActOn,
                &["attract", "capture", "nurture", "convert", "expand"],
            ),
            (
                SourceModel::MarTech,
                &["engage", "nurture", "convert", "retain", "grow"],
            ),
            (SourceModel::Blank, &[]),
        ];
        for (model, ids) in expected {
            let map = build(model, now());
            assert_eq!(stage_ids(&map), ids, "{model:?}");
            assert_eq!(map.source_model, model);
        }
    }

    #[test]
    fn each_build_gets_a_fresh_map_id_but_the_same_content() {
        for model in SourceModel::ALL {
            let a = build(model, now());
            let b = build(model, now());
            assert_ne!(a.id, b.id, "{model:?}");
            assert_eq!(a.stages, b.stages, "{model:?}");
            assert_eq!(a.cards, b.cards, "{model:?}");
            assert_eq!(a.departments, b.departments, "{model:?}");
            assert_eq!((a.created, a.updated), (now(), now()));
        }
    }

    #[test]
    fn only_scaleo_is_circular() {
        for model in SourceModel::ALL {
            assert_eq!(
                build(model, now()).circular,
                model == SourceModel::Scaleo,
                "{model:?}"
            );
        }
    }

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

    #[test]
    fn martech_has_three_departments_and_asks_about_clv() {
        let map = build(SourceModel::MarTech, now());
        let depts: Vec<&str> = map.departments.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(depts, ["marketing", "sales", "customer_success"]);
        assert!(map
            .cards
            .iter()
            .any(|c| c.stage.as_str() == "grow" && en(&c.title).contains("(CLV)")));
        assert!(map.stages.iter().all(|s| s.decision.is_none()));
    }

    #[test]
    fn blank_has_no_stages_but_the_standard_lanes() {
        let map = build(SourceModel::Blank, now());
        assert!(map.stages.is_empty());
        assert!(map.cards.is_empty());
        assert!(map.departments.is_empty());
        assert_eq!(map.lanes, Lane::standard_set());
        assert_eq!(en(&map.name), "Untitled map");
    }

    #[test]
    fn every_template_text_is_builtin_and_filled_in_all_three_languages() {
        let hangul = |s: &str| s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c));
        let cyrillic = |s: &str| s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
        for map in all_templates() {
            for (what, text) in texts(&map) {
                let Text::Builtin {
                    en: e,
                    ko: k,
                    ru: r,
                } = text
                else {
                    panic!("{:?} {what} is not built-in: {text:?}", map.source_model);
                };
                assert!(!e.trim().is_empty(), "{what}: empty en");
                assert!(
                    !hangul(e) && !cyrillic(e),
                    "{what}: en is not English: {e:?}"
                );
                assert!(hangul(k), "{what}: ko has no Korean: {k:?}");
                assert!(cyrillic(r), "{what}: ru has no Russian: {r:?}");
                assert!(!text.is_empty());
            }
        }
    }

    #[test]
    fn every_reference_in_every_template_exists() {
        for map in all_templates() {
            let model = map.source_model;
            for s in &map.stages {
                for o in s.decision.iter().flat_map(|d| &d.outcomes) {
                    if let Destination::Stage(to) = &o.leads_to {
                        assert!(map.stage(to).is_some(), "{model:?} {}: {to}", o.id);
                    }
                }
            }
            for c in &map.cards {
                assert!(map.stage(&c.stage).is_some(), "{model:?} {}", c.id);
                let lane = map
                    .lane(&c.lane)
                    .unwrap_or_else(|| panic!("{model:?} {}: lane {}", c.id, c.lane));
                assert_eq!(
                    lane.kind == CardKind::Touchpoint,
                    c.touchpoint.is_some(),
                    "{model:?} {}",
                    c.id
                );
                if let Some(tp) = &c.touchpoint {
                    let dept = tp
                        .department
                        .as_ref()
                        .expect("touchpoint without department");
                    assert!(map.department(dept).is_some(), "{model:?} {}", c.id);
                    assert!(!tp.channel.is_empty(), "{model:?} {}", c.id);
                }
            }
            for d in &map.departments {
                for s in d.owns.iter().chain(&d.contributes) {
                    assert!(map.stage(s).is_some(), "{model:?} {}: {s}", d.id);
                }
            }
        }
    }

    #[test]
    fn ids_are_unique_and_every_stage_has_questions_and_touchpoints() {
        for map in all_templates() {
            let model = map.source_model;
            let mut ids: Vec<&Id> = map.cards.iter().map(|c| &c.id).collect();
            ids.extend(map.stages.iter().map(|s| &s.id));
            ids.extend(map.departments.iter().map(|d| &d.id));
            let n = ids.len();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), n, "{model:?} has duplicate ids");
            for s in &map.stages {
                let id = s.id.as_str();
                assert!(
                    !cards_of(&map, id, CardKind::Question).is_empty(),
                    "{model:?} {id}"
                );
                assert!(
                    !cards_of(&map, id, CardKind::Touchpoint).is_empty(),
                    "{model:?} {id}"
                );
                if let Some(d) = &s.decision {
                    let mut outcomes: Vec<&Id> = d.outcomes.iter().map(|o| &o.id).collect();
                    outcomes.sort();
                    outcomes.dedup();
                    assert_eq!(outcomes.len(), d.outcomes.len(), "{model:?} {id}");
                    assert!(d.outcomes.len() >= 2, "{model:?} {id}");
                }
            }
        }
    }

    #[test]
    fn templates_survive_a_json_round_trip() {
        for map in all_templates() {
            let json = serde_json::to_string(&map).unwrap();
            let back: JourneyMap = serde_json::from_str(&json).unwrap();
            assert_eq!(back, map);
        }
    }

    #[test]
    fn model_templates_have_a_buying_group_and_hinge_research_names_its_method() {
        for m in all_templates() {
            let ids: Vec<&str> = m.personas.iter().map(|p| p.id.as_str()).collect();
            if m.source_model == SourceModel::Blank {
                assert!(ids.is_empty());
            } else {
                assert_eq!(ids, ["decision_maker", "technical_evaluator", "user"]);
            }
        }
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
