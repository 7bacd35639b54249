//! **MarTech** — customer journey orchestration across engage, nurture, convert, retain and grow,
//! shared by marketing, sales and customer success.
//!
//! Card ids start with `martech_`; wording from seed 004.

use jiff::Timestamp;

use crate::domain::model::Presence::{Offline, Online};
use crate::domain::model::*;

use super::{t, Builder};

/// MarTech: customer journey orchestration across the whole lifecycle (seed 004).
pub(super) fn martech(now: Timestamp) -> JourneyMap {
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
    use crate::domain::model::*;

    use super::super::build;
    use super::super::test_support::*;

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
}
