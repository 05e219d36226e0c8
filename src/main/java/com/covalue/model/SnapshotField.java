package com.covalue.model;

import static com.covalue.model.Factor.DELIVERY;
import static com.covalue.model.Factor.GOVERNANCE;
import static com.covalue.model.Factor.INNOVATION;
import static com.covalue.model.Factor.MEASUREMENT;
import static com.covalue.model.Factor.MUTUAL_GOALS;
import static com.covalue.model.Factor.OPENNESS;
import static com.covalue.model.Factor.TRUST;
import static com.covalue.model.SnapshotField.Better.HIGHER;
import static com.covalue.model.SnapshotField.Better.LOWER;
import static com.covalue.model.SnapshotField.Better.NEITHER;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.function.Function;

/**
 * The one table of the snapshot contract's fields (v2 paths; a v1 snapshot is read as v2): where each lives, which factor it informs,
 * which way is better, and how good a known value is (0..1) for the factor's health score. The
 * health score, the data gaps, the trend facts (rules write
 * {@code Change( field == SnapshotField.MEASUREMENT_SATISFACTION_SCORE )}) and the property tests
 * all read it, so they agree on what each fact means.
 *
 * <p>Every value is read through method references, so the compiler checks every path. The last
 * constant, {@link #DELIVERY_PROMISES_KEPT_RATIO}, is derived rather than in the contract (see
 * {@link #derived()}); {@link SnapshotFields#all()} lists the contract's fields only.
 */
public enum SnapshotField {

    // ---- relationship ----
    RELATIONSHIP_SERVICE_TYPE("relationship.serviceType", null, NEITHER,
            in(Snapshot::relationship, Relationship::serviceType), null),
    RELATIONSHIP_CONTRACT_START("relationship.contractStart", null, NEITHER,
            in(Snapshot::relationship, Relationship::contractStart), null),
    RELATIONSHIP_RENEWAL_DATE("relationship.renewalDate", null, NEITHER,
            in(Snapshot::relationship, Relationship::renewalDate), null),
    RELATIONSHIP_ANNUAL_VALUE("relationship.annualValue", null, NEITHER,
            in(Snapshot::relationship, Relationship::annualValue), null),

    // ---- governance ----
    GOVERNANCE_OPERATIONAL_MEETINGS("governance.operationalMeetings", GOVERNANCE, HIGHER,
            in(Snapshot::governance, Governance::operationalMeetings), Goodness.GOOD_ENOUGH_CADENCE),
    GOVERNANCE_TACTICAL_MEETINGS("governance.tacticalMeetings", GOVERNANCE, HIGHER,
            in(Snapshot::governance, Governance::tacticalMeetings), Goodness.GOOD_ENOUGH_CADENCE),
    GOVERNANCE_STRATEGIC_MEETINGS("governance.strategicMeetings", GOVERNANCE, HIGHER,
            in(Snapshot::governance, Governance::strategicMeetings), Goodness.GOOD_ENOUGH_CADENCE),
    GOVERNANCE_DECISION_MAKERS_ATTEND("governance.decisionMakersAttend", GOVERNANCE, HIGHER,
            in(Snapshot::governance, Governance::decisionMakersAttend), Goodness.yes()),
    GOVERNANCE_EXECUTIVE_SPONSORS("governance.executiveSponsors", GOVERNANCE, HIGHER,
            in(Snapshot::governance, Governance::executiveSponsors), Goodness.yes()),
    GOVERNANCE_ROLES_DEFINED("governance.rolesDefined", GOVERNANCE, HIGHER,
            in(Snapshot::governance, Governance::rolesDefined), Goodness.yes()),
    GOVERNANCE_OWNERSHIP_CLEAR("governance.ownershipClear", GOVERNANCE, HIGHER,
            in(Snapshot::governance, Governance::ownershipClear), Goodness.yes()),
    GOVERNANCE_MIRRORED_STRUCTURE("governance.mirroredStructure", GOVERNANCE, HIGHER,
            in(Snapshot::governance, Governance::mirroredStructure), Goodness.yes()),
    GOVERNANCE_NAMED_COUNTERPARTS("governance.namedCounterparts", GOVERNANCE, HIGHER,
            in(Snapshot::governance, Governance::namedCounterparts), Goodness.between(0.0, 0.9)),
    GOVERNANCE_ESCALATION_PATH("governance.escalationPath", GOVERNANCE, HIGHER,
            in(Snapshot::governance, Governance::escalationPath), Goodness.yes()),
    GOVERNANCE_SUCCESS_DEFINED_BOTH_SIDES("governance.successDefinedBothSides", GOVERNANCE, HIGHER,
            in(Snapshot::governance, Governance::successDefinedBothSides), Goodness.yes()),
    GOVERNANCE_OBJECTIVES_ALIGNED("governance.objectivesAligned", GOVERNANCE, HIGHER,
            in(Snapshot::governance, Governance::objectivesAligned), Goodness.yes()),
    GOVERNANCE_RELATIONSHIP_CHARTER("governance.relationshipCharter", GOVERNANCE, HIGHER,
            in(Snapshot::governance, Governance::relationshipCharter), Goodness.yes()),
    GOVERNANCE_INFORMAL_CHANNELS("governance.informalChannels", GOVERNANCE, HIGHER,
            in(Snapshot::governance, Governance::informalChannels), Goodness.yes()),
    GOVERNANCE_MANAGEMENT_INFO_SHARED("governance.managementInfoShared", GOVERNANCE, HIGHER,
            in(Snapshot::governance, Governance::managementInfoShared), Goodness.GOOD_ENOUGH_CADENCE),
    GOVERNANCE_HEALTH_CHECK("governance.healthCheck", GOVERNANCE, HIGHER,
            in(Snapshot::governance, Governance::healthCheck), Goodness.GOOD_ENOUGH_CADENCE),
    GOVERNANCE_BLUE_SKY_WORKSHOPS_PER_YEAR("governance.blueSkyWorkshopsPerYear", GOVERNANCE, HIGHER,
            in(Snapshot::governance, Governance::blueSkyWorkshopsPerYear), Goodness.upTo(2)),

    // ---- measurement ----
    MEASUREMENT_KPI_COUNT("measurement.kpiCount", MEASUREMENT, NEITHER,
            in(Snapshot::measurement, Measurement::kpiCount), null),
    MEASUREMENT_SLA_COUNT("measurement.slaCount", MEASUREMENT, NEITHER,
            in(Snapshot::measurement, Measurement::slaCount), null),
    MEASUREMENT_LAST_KPI_REVIEW("measurement.lastKpiReview", MEASUREMENT, HIGHER,
            in(Snapshot::measurement, Measurement::lastKpiReview), Goodness.recent(12, 36)),
    MEASUREMENT_SOFT_VALUE_MEASURED("measurement.softValueMeasured", MEASUREMENT, HIGHER,
            in(Snapshot::measurement, Measurement::softValueMeasured), Goodness.yes()),
    MEASUREMENT_SATISFACTION_SURVEY_LAST("measurement.satisfactionSurveyLast", MEASUREMENT, HIGHER,
            in(Snapshot::measurement, Measurement::satisfactionSurveyLast), Goodness.recent(12, 36)),
    MEASUREMENT_SATISFACTION_SCORE("measurement.satisfactionScore", MEASUREMENT, HIGHER,
            in(Snapshot::measurement, Measurement::satisfactionScore), Goodness.rating()),
    MEASUREMENT_VALUE_REVIEWS("measurement.valueReviews", MEASUREMENT, HIGHER,
            in(Snapshot::measurement, Measurement::valueReviews), Goodness.GOOD_ENOUGH_CADENCE),
    MEASUREMENT_RELATIONSHIP_SCORECARD("measurement.relationshipScorecard", MEASUREMENT, HIGHER,
            in(Snapshot::measurement, Measurement::relationshipScorecard), Goodness.yes()),
    MEASUREMENT_TOTAL_COST_OF_PERFORMANCE("measurement.totalCostOfPerformance", MEASUREMENT, HIGHER,
            in(Snapshot::measurement, Measurement::totalCostOfPerformance), Goodness.yes()),
    MEASUREMENT_FORWARD_LOOKING_VALUE("measurement.forwardLookingValue", MEASUREMENT, HIGHER,
            in(Snapshot::measurement, Measurement::forwardLookingValue), Goodness.yes()),
    MEASUREMENT_REAL_TIME_MEASUREMENT("measurement.realTimeMeasurement", MEASUREMENT, HIGHER,
            in(Snapshot::measurement, Measurement::realTimeMeasurement), Goodness.yes()),
    MEASUREMENT_ANALYTICS_FOR_VALUE("measurement.analyticsForValue", MEASUREMENT, HIGHER,
            in(Snapshot::measurement, Measurement::analyticsForValue), Goodness.yes()),
    MEASUREMENT_REFERENCEABLE("measurement.referenceable", MEASUREMENT, HIGHER,
            in(Snapshot::measurement, Measurement::referenceable), Goodness.yes()),
    MEASUREMENT_JOINT_CASE_STUDIES("measurement.jointCaseStudies", MEASUREMENT, HIGHER,
            in(Snapshot::measurement, Measurement::jointCaseStudies), Goodness.upTo(1)),

    // ---- openness ----
    OPENNESS_INFORMATION_SHARING("openness.informationSharing", OPENNESS, HIGHER,
            in(Snapshot::openness, Openness::informationSharing), Goodness.sharing()),
    OPENNESS_ESCALATIONS_OPEN("openness.escalationsOpen", OPENNESS, LOWER,
            in(Snapshot::openness, Openness::escalationsOpen), Goodness.fewerThan(10)),
    OPENNESS_MEDIAN_ESCALATION_DAYS("openness.medianEscalationDays", OPENNESS, LOWER,
            in(Snapshot::openness, Openness::medianEscalationDays), Goodness.fewerThan(30)),
    OPENNESS_BILLING_DISPUTES_12M("openness.billingDisputes12m", OPENNESS, LOWER,
            in(Snapshot::openness, Openness::billingDisputes12m), Goodness.fewerThan(6)),
    OPENNESS_TEAM_EVENTS_PER_YEAR("openness.teamEventsPerYear", OPENNESS, HIGHER,
            in(Snapshot::openness, Openness::teamEventsPerYear), Goodness.upTo(2)),
    OPENNESS_CHANGES_EXPLAINED("openness.changesExplained", OPENNESS, HIGHER,
            in(Snapshot::openness, Openness::changesExplained), Goodness.yes()),

    // ---- trust ----
    TRUST_FACE_TO_FACE_PER_QUARTER("trust.faceToFacePerQuarter", TRUST, HIGHER,
            in(Snapshot::trust, Trust::faceToFacePerQuarter), Goodness.upTo(3)),
    TRUST_OPEN_BOOK("trust.openBook", TRUST, HIGHER,
            in(Snapshot::trust, Trust::openBook), Goodness.yes()),
    TRUST_EXPECTATIONS_DOCUMENTED("trust.expectationsDocumented", TRUST, HIGHER,
            in(Snapshot::trust, Trust::expectationsDocumented), Goodness.yes()),
    TRUST_CRISIS_PLAN("trust.crisisPlan", TRUST, HIGHER,
            in(Snapshot::trust, Trust::crisisPlan), Goodness.yes()),
    TRUST_RECOGNITION("trust.recognition", TRUST, HIGHER,
            in(Snapshot::trust, Trust::recognition), Goodness.yes()),
    TRUST_SOCIAL_EVENTS_PER_YEAR("trust.socialEventsPerYear", TRUST, HIGHER,
            in(Snapshot::trust, Trust::socialEventsPerYear), Goodness.upTo(2)),
    TRUST_OFF_RECORD_CONVERSATIONS("trust.offRecordConversations", TRUST, HIGHER,
            in(Snapshot::trust, Trust::offRecordConversations), Goodness.yes()),
    TRUST_SUPPLIER_AUTONOMY("trust.supplierAutonomy", TRUST, HIGHER,
            in(Snapshot::trust, Trust::supplierAutonomy), Goodness.yes()),

    // ---- delivery ----
    DELIVERY_PROMISE_REGISTER("delivery.promiseRegister", DELIVERY, HIGHER,
            in(Snapshot::delivery, Delivery::promiseRegister), Goodness.yes()),
    DELIVERY_PROMISES_DUE_12M("delivery.promisesDue12m", DELIVERY, NEITHER,
            in(Snapshot::delivery, Delivery::promisesDue12m), null),
    DELIVERY_PROMISES_KEPT_12M("delivery.promisesKept12m", DELIVERY, HIGHER,
            in(Snapshot::delivery, Delivery::promisesKept12m), Goodness.shareOfPromisesDue()),
    DELIVERY_SLA_ATTAINMENT("delivery.slaAttainment", DELIVERY, HIGHER,
            in(Snapshot::delivery, Delivery::slaAttainment), Goodness.between(0.80, 0.98)),
    DELIVERY_SCOPE_INTERPRETATION_AGREED("delivery.scopeInterpretationAgreed", DELIVERY, HIGHER,
            in(Snapshot::delivery, Delivery::scopeInterpretationAgreed), Goodness.yes()),
    DELIVERY_CLIENT_PRIORITIES_AGREED("delivery.clientPrioritiesAgreed", DELIVERY, HIGHER,
            in(Snapshot::delivery, Delivery::clientPrioritiesAgreed), Goodness.yes()),
    DELIVERY_TIMESCALES_AGREED("delivery.timescalesAgreed", DELIVERY, HIGHER,
            in(Snapshot::delivery, Delivery::timescalesAgreed), Goodness.yes()),
    DELIVERY_ACCOUNT_MAPPED("delivery.accountMapped", DELIVERY, HIGHER,
            in(Snapshot::delivery, Delivery::accountMapped), Goodness.yes()),
    DELIVERY_PROGRESS_REPORTS("delivery.progressReports", DELIVERY, HIGHER,
            in(Snapshot::delivery, Delivery::progressReports), Goodness.GOOD_ENOUGH_CADENCE),
    DELIVERY_TREND_ANALYSIS("delivery.trendAnalysis", DELIVERY, HIGHER,
            in(Snapshot::delivery, Delivery::trendAnalysis), Goodness.yes()),
    DELIVERY_CLIENT_DEPENDENCIES_LOGGED("delivery.clientDependenciesLogged", DELIVERY, HIGHER,
            in(Snapshot::delivery, Delivery::clientDependenciesLogged), Goodness.yes()),
    DELIVERY_CLIENT_BLOCKERS_OPEN("delivery.clientBlockersOpen", DELIVERY, LOWER,
            in(Snapshot::delivery, Delivery::clientBlockersOpen), Goodness.fewerThan(8)),
    DELIVERY_CONTINUOUS_IMPROVEMENT("delivery.continuousImprovement", DELIVERY, HIGHER,
            in(Snapshot::delivery, Delivery::continuousImprovement), Goodness.yes()),
    DELIVERY_INTERNAL_CUSTOMER_SURVEY("delivery.internalCustomerSurvey", DELIVERY, HIGHER,
            in(Snapshot::delivery, Delivery::internalCustomerSurvey), Goodness.yes()),
    DELIVERY_ROOT_CAUSE_REVIEWS("delivery.rootCauseReviews", DELIVERY, HIGHER,
            in(Snapshot::delivery, Delivery::rootCauseReviews), Goodness.yes()),

    // ---- mutualGoals ----
    MUTUAL_GOALS_JOINT_STRATEGIC_PLAN("mutualGoals.jointStrategicPlan", MUTUAL_GOALS, HIGHER,
            in(Snapshot::mutualGoals, MutualGoals::jointStrategicPlan), Goodness.yes()),
    MUTUAL_GOALS_PLAN_UPDATED("mutualGoals.planUpdated", MUTUAL_GOALS, HIGHER,
            in(Snapshot::mutualGoals, MutualGoals::planUpdated), Goodness.recent(12, 30)),
    MUTUAL_GOALS_JOINT_PLANNING_DAYS_PER_YEAR("mutualGoals.jointPlanningDaysPerYear", MUTUAL_GOALS, HIGHER,
            in(Snapshot::mutualGoals, MutualGoals::jointPlanningDaysPerYear), Goodness.upTo(2)),
    MUTUAL_GOALS_VALUE_ACCELERATION("mutualGoals.valueAcceleration", MUTUAL_GOALS, HIGHER,
            in(Snapshot::mutualGoals, MutualGoals::valueAcceleration), Goodness.yes()),
    MUTUAL_GOALS_JOINT_AWARDS_12M("mutualGoals.jointAwards12m", MUTUAL_GOALS, HIGHER,
            in(Snapshot::mutualGoals, MutualGoals::jointAwards12m), Goodness.upTo(1)),
    MUTUAL_GOALS_SUPPLIER_VIABILITY("mutualGoals.supplierViability", MUTUAL_GOALS, HIGHER,
            in(Snapshot::mutualGoals, MutualGoals::supplierViability), Goodness.yes()),
    MUTUAL_GOALS_INCENTIVES_ALIGNED("mutualGoals.incentivesAligned", MUTUAL_GOALS, HIGHER,
            in(Snapshot::mutualGoals, MutualGoals::incentivesAligned), Goodness.yes()),

    // ---- innovation ----
    INNOVATION_FORUMS("innovation.forums", INNOVATION, HIGHER,
            in(Snapshot::innovation, Innovation::forums), Goodness.GOOD_ENOUGH_CADENCE),
    INNOVATION_FORUMS_CONTRACTUAL("innovation.forumsContractual", INNOVATION, HIGHER,
            in(Snapshot::innovation, Innovation::forumsContractual), Goodness.yes()),
    INNOVATION_CONTINUOUS_IMPROVEMENT_CONTRACTUAL("innovation.continuousImprovementContractual", INNOVATION, HIGHER,
            in(Snapshot::innovation, Innovation::continuousImprovementContractual), Goodness.yes()),
    INNOVATION_IDEAS_PROPOSED_12M("innovation.ideasProposed12m", INNOVATION, HIGHER,
            in(Snapshot::innovation, Innovation::ideasProposed12m), Goodness.upTo(5)),
    INNOVATION_IDEAS_ADOPTED_12M("innovation.ideasAdopted12m", INNOVATION, HIGHER,
            in(Snapshot::innovation, Innovation::ideasAdopted12m), Goodness.upTo(2)),
    INNOVATION_IDEA_CHANNEL_OWNER("innovation.ideaChannelOwner", INNOVATION, HIGHER,
            in(Snapshot::innovation, Innovation::ideaChannelOwner), Goodness.yes()),
    INNOVATION_CLIENT_AS_TEST_BED("innovation.clientAsTestBed", INNOVATION, HIGHER,
            in(Snapshot::innovation, Innovation::clientAsTestBed), Goodness.yes()),
    INNOVATION_CLIENT_SHARES_CHALLENGES("innovation.clientSharesChallenges", INNOVATION, HIGHER,
            in(Snapshot::innovation, Innovation::clientSharesChallenges), Goodness.yes()),

    // ---- views: each side's own 1-5 rating of each factor (v1: perceptions.<side>.<factor>) ----
    VIEWS_CLIENT_RATINGS_GOVERNANCE("views.client.ratings.governance", GOVERNANCE, HIGHER,
            client(FactorRatings::governance), Goodness.rating()),
    VIEWS_SUPPLIER_RATINGS_GOVERNANCE("views.supplier.ratings.governance", GOVERNANCE, HIGHER,
            supplier(FactorRatings::governance), Goodness.rating()),
    VIEWS_CLIENT_RATINGS_TRUST("views.client.ratings.trust", TRUST, HIGHER,
            client(FactorRatings::trust), Goodness.rating()),
    VIEWS_SUPPLIER_RATINGS_TRUST("views.supplier.ratings.trust", TRUST, HIGHER,
            supplier(FactorRatings::trust), Goodness.rating()),
    VIEWS_CLIENT_RATINGS_OPENNESS("views.client.ratings.openness", OPENNESS, HIGHER,
            client(FactorRatings::openness), Goodness.rating()),
    VIEWS_SUPPLIER_RATINGS_OPENNESS("views.supplier.ratings.openness", OPENNESS, HIGHER,
            supplier(FactorRatings::openness), Goodness.rating()),
    VIEWS_CLIENT_RATINGS_DELIVERY("views.client.ratings.delivery", DELIVERY, HIGHER,
            client(FactorRatings::delivery), Goodness.rating()),
    VIEWS_SUPPLIER_RATINGS_DELIVERY("views.supplier.ratings.delivery", DELIVERY, HIGHER,
            supplier(FactorRatings::delivery), Goodness.rating()),
    VIEWS_CLIENT_RATINGS_MUTUAL_GOALS("views.client.ratings.mutualGoals", MUTUAL_GOALS, HIGHER,
            client(FactorRatings::mutualGoals), Goodness.rating()),
    VIEWS_SUPPLIER_RATINGS_MUTUAL_GOALS("views.supplier.ratings.mutualGoals", MUTUAL_GOALS, HIGHER,
            supplier(FactorRatings::mutualGoals), Goodness.rating()),
    VIEWS_CLIENT_RATINGS_MEASUREMENT("views.client.ratings.measurement", MEASUREMENT, HIGHER,
            client(FactorRatings::measurement), Goodness.rating()),
    VIEWS_SUPPLIER_RATINGS_MEASUREMENT("views.supplier.ratings.measurement", MEASUREMENT, HIGHER,
            supplier(FactorRatings::measurement), Goodness.rating()),
    VIEWS_CLIENT_RATINGS_INNOVATION("views.client.ratings.innovation", INNOVATION, HIGHER,
            client(FactorRatings::innovation), Goodness.rating()),
    VIEWS_SUPPLIER_RATINGS_INNOVATION("views.supplier.ratings.innovation", INNOVATION, HIGHER,
            supplier(FactorRatings::innovation), Goodness.rating()),

    // ---- context: the relationship's setting (v2) ----
    CONTEXT_STRATEGIC_INTENT_HOLDS("context.strategicIntentHolds", null, HIGHER,
            in(Snapshot::context, Context::strategicIntentHolds), null),
    CONTEXT_EXIT_PLAN("context.exitPlan", null, HIGHER,
            in(Snapshot::context, Context::exitPlan), null),
    CONTEXT_RISK_WITH_ABLE_PARTY("context.riskWithAbleParty", null, HIGHER,
            in(Snapshot::context, Context::riskWithAbleParty), null),
    CONTEXT_SERVICE_LEVELS_PROPORTIONATE("context.serviceLevelsProportionate", null, HIGHER,
            in(Snapshot::context, Context::serviceLevelsProportionate), null),
    CONTEXT_RETAINED_TEAM_RIGHT_SIZED("context.retainedTeamRightSized", null, HIGHER,
            in(Snapshot::context, Context::retainedTeamRightSized), null),
    CONTEXT_CLIENT_TEAM_CAPABLE("context.clientTeamCapable", null, HIGHER,
            in(Snapshot::context, Context::clientTeamCapable), null),
    CONTEXT_CULTURAL_DIFFERENCES_MANAGED("context.culturalDifferencesManaged", null, HIGHER,
            in(Snapshot::context, Context::culturalDifferencesManaged), null),

    // ---- derived: not in the contract ----

    /** Promises kept as a share of those due: trends compare it in place of {@link #DELIVERY_PROMISES_KEPT_12M}. */
    DELIVERY_PROMISES_KEPT_RATIO("delivery.promisesKeptRatio", DELIVERY, HIGHER,
            in(Snapshot::delivery, Delivery::promisesKeptRatio), null);

    /** Which way a fact's value is better. */
    public enum Better { HIGHER, LOWER, NEITHER }

    private final String path;
    private final Factor factor;
    private final Better better;
    private final Function<Snapshot, Object> value;
    private final Goodness goodness;

    /**
     * @param path     dotted contract path, e.g. {@code governance.escalationPath}; the constant's
     *                 name is the same path in capitals (checked here)
     * @param factor   the factor the fact informs, null for facts about the contract itself
     * @param better   which way is better (the contract's "better value")
     * @param value    reads the value from a snapshot; null when unknown
     * @param goodness how good a known value is, 0..1; null for facts that are not scored
     */
    SnapshotField(String path, Factor factor, Better better, Function<Snapshot, Object> value, Goodness goodness) {
        if (!name().equals(constantName(path))) {
            throw new IllegalStateException(name() + " is named apart from its path " + path);
        }
        this.path = path;
        this.factor = factor;
        this.better = better;
        this.value = value;
        this.goodness = goodness;
    }

    /** The dotted contract path, e.g. {@code governance.escalationPath}; how the field is written in JSON. */
    @JsonValue
    public String path() {
        return path;
    }

    /** The factor the fact informs; null for facts about the contract itself. */
    public Factor factor() {
        return factor;
    }

    public Better better() {
        return better;
    }

    /** Reads the value from a snapshot; null when unknown. */
    public Function<Snapshot, Object> value() {
        return value;
    }

    /** True for a value computed from contract fields rather than given in the contract. */
    public boolean derived() {
        return this == DELIVERY_PROMISES_KEPT_RATIO;
    }

    /** True for a side's rating of a factor ({@code views.<side>.ratings.<factor>}): health's outcome, not its practices. */
    public boolean rating() {
        return path.startsWith("views.");
    }

    public boolean known(Snapshot s) {
        return value.apply(s) != null;
    }

    /**
     * True for a frequency whose "good enough" is set in {@code rules/priority.yaml}'s
     * {@code health.goodEnough} table, read by both the health score and the rules (through
     * {@code BelowGoodEnough}), so the two cannot disagree; {@link #goodnessOf} does not score it.
     */
    public boolean goodEnoughFromRules() {
        return goodness == Goodness.GOOD_ENOUGH_CADENCE;
    }

    /**
     * How good this fact's value (read once by the caller) is in the snapshot, or null when unknown
     * or not scored. Not for {@link #goodEnoughFromRules()} fields, whose target the rules set.
     */
    public Double goodnessOf(Object value, Snapshot s) {
        return value == null || goodness == null ? null : goodness.of(value, s);
    }

    /** {@code governance.rolesDefined} -> {@code GOVERNANCE_ROLES_DEFINED}, {@code openness.billingDisputes12m} -> {@code OPENNESS_BILLING_DISPUTES_12M}. */
    private static String constantName(String path) {
        return path.replaceAll("([A-Z])", "_$1").replaceAll("(\\d+)", "_$1").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** Reads one field of one section: {@code in(Snapshot::governance, Governance::rolesDefined)}. */
    private static <S> Function<Snapshot, Object> in(Function<Snapshot, S> section, Function<S, ?> field) {
        return s -> field.apply(section.apply(s));
    }

    /** Reads the client's rating of one factor. */
    private static Function<Snapshot, Object> client(Function<FactorRatings, Integer> rating) {
        return s -> rating.apply(s.views().client().ratings());
    }

    /** Reads the supplier's rating of one factor. */
    private static Function<Snapshot, Object> supplier(Function<FactorRatings, Integer> rating) {
        return s -> rating.apply(s.views().supplier().ratings());
    }
}
