package com.covalue.model;

import static com.covalue.model.SnapshotField.Better.HIGHER;
import static com.covalue.model.SnapshotField.Better.LOWER;
import static com.covalue.model.SnapshotField.Better.NEITHER;
import static com.covalue.model.SnapshotField.atLeast;
import static com.covalue.model.SnapshotField.between;
import static com.covalue.model.SnapshotField.fewerThan;
import static com.covalue.model.SnapshotField.rating;
import static com.covalue.model.SnapshotField.recent;
import static com.covalue.model.SnapshotField.sharing;
import static com.covalue.model.SnapshotField.upTo;
import static com.covalue.model.SnapshotField.yes;

import com.covalue.model.SnapshotField.Better;
import com.covalue.model.SnapshotField.Goodness;
import com.covalue.model.Cadence;
import com.covalue.model.Factor;
import com.covalue.model.Snapshot;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every fact of the Snapshot v1 contract, with the factor it informs, which way is better, and how
 * it is scored for health. One table, so the health score, the data gaps and the property tests
 * agree on what each fact means.
 */
public final class SnapshotFields {

    private static final Map<String, SnapshotField> BY_PATH;
    private static final Map<Factor, List<SnapshotField>> BY_FACTOR;

    static {
        List<SnapshotField> all = new ArrayList<>();
        Builder b = new Builder(all);

        b.section("relationship", null)
                .field("serviceType", NEITHER, null)
                .field("contractStart", NEITHER, null)
                .field("renewalDate", NEITHER, null)
                .field("annualValue", NEITHER, null);

        b.section("governance", Factor.GOVERNANCE)
                .field("operationalMeetings", HIGHER, atLeast(Cadence.MONTHLY))
                .field("tacticalMeetings", HIGHER, atLeast(Cadence.MONTHLY))
                .field("strategicMeetings", HIGHER, atLeast(Cadence.QUARTERLY))
                .field("decisionMakersAttend", HIGHER, yes())
                .field("executiveSponsors", HIGHER, yes())
                .field("rolesDefined", HIGHER, yes())
                .field("ownershipClear", HIGHER, yes())
                .field("mirroredStructure", HIGHER, yes())
                .field("namedCounterparts", HIGHER, between(0.0, 0.9))
                .field("escalationPath", HIGHER, yes())
                .field("successDefinedBothSides", HIGHER, yes())
                .field("objectivesAligned", HIGHER, yes())
                .field("relationshipCharter", HIGHER, yes())
                .field("informalChannels", HIGHER, yes())
                .field("managementInfoShared", HIGHER, atLeast(Cadence.MONTHLY))
                .field("healthCheck", HIGHER, atLeast(Cadence.SEMIANNUAL))
                .field("blueSkyWorkshopsPerYear", HIGHER, upTo(2));

        b.section("measurement", Factor.MEASUREMENT)
                .field("kpiCount", NEITHER, null)
                .field("slaCount", NEITHER, null)
                .field("lastKpiReview", HIGHER, recent(12, 36))
                .field("softValueMeasured", HIGHER, yes())
                .field("satisfactionSurveyLast", HIGHER, recent(12, 36))
                .field("satisfactionScore", HIGHER, rating())
                .field("valueReviews", HIGHER, atLeast(Cadence.QUARTERLY))
                .field("relationshipScorecard", HIGHER, yes())
                .field("totalCostOfPerformance", HIGHER, yes())
                .field("forwardLookingValue", HIGHER, yes())
                .field("realTimeMeasurement", HIGHER, yes())
                .field("analyticsForValue", HIGHER, yes())
                .field("referenceable", HIGHER, yes())
                .field("jointCaseStudies", HIGHER, upTo(1));

        b.section("openness", Factor.OPENNESS)
                .field("informationSharing", HIGHER, sharing())
                .field("escalationsOpen", LOWER, fewerThan(10))
                .field("medianEscalationDays", LOWER, fewerThan(30))
                .field("billingDisputes12m", LOWER, fewerThan(6))
                .field("teamEventsPerYear", HIGHER, upTo(2))
                .field("changesExplained", HIGHER, yes());

        b.section("trust", Factor.TRUST)
                .field("faceToFacePerQuarter", HIGHER, upTo(3))
                .field("openBook", HIGHER, yes())
                .field("expectationsDocumented", HIGHER, yes())
                .field("crisisPlan", HIGHER, yes())
                .field("recognition", HIGHER, yes())
                .field("socialEventsPerYear", HIGHER, upTo(2))
                .field("offRecordConversations", HIGHER, yes())
                .field("supplierAutonomy", HIGHER, yes());

        b.section("delivery", Factor.DELIVERY)
                .field("promiseRegister", HIGHER, yes())
                .field("promisesDue12m", NEITHER, null)
                .field("promisesKept12m", HIGHER, (v, s) -> {
                    Integer due = s.delivery().promisesDue12m();
                    return due == null || due == 0 ? null : Math.min(1.0, ((Integer) v) / (double) due);
                })
                .field("slaAttainment", HIGHER, between(0.80, 0.98))
                .field("scopeInterpretationAgreed", HIGHER, yes())
                .field("clientPrioritiesAgreed", HIGHER, yes())
                .field("timescalesAgreed", HIGHER, yes())
                .field("accountMapped", HIGHER, yes())
                .field("progressReports", HIGHER, atLeast(Cadence.FORTNIGHTLY))
                .field("trendAnalysis", HIGHER, yes())
                .field("clientDependenciesLogged", HIGHER, yes())
                .field("clientBlockersOpen", LOWER, fewerThan(8))
                .field("continuousImprovement", HIGHER, yes())
                .field("internalCustomerSurvey", HIGHER, yes())
                .field("rootCauseReviews", HIGHER, yes());

        b.section("mutualGoals", Factor.MUTUAL_GOALS)
                .field("jointStrategicPlan", HIGHER, yes())
                .field("planUpdated", HIGHER, recent(12, 30))
                .field("jointPlanningDaysPerYear", HIGHER, upTo(2))
                .field("valueAcceleration", HIGHER, yes())
                .field("jointAwards12m", HIGHER, upTo(1))
                .field("supplierViability", HIGHER, yes())
                .field("incentivesAligned", HIGHER, yes());

        b.section("innovation", Factor.INNOVATION)
                .field("forums", HIGHER, atLeast(Cadence.QUARTERLY))
                .field("forumsContractual", HIGHER, yes())
                .field("continuousImprovementContractual", HIGHER, yes())
                .field("ideasProposed12m", HIGHER, upTo(5))
                .field("ideasAdopted12m", HIGHER, upTo(2))
                .field("ideaChannelOwner", HIGHER, yes())
                .field("clientAsTestBed", HIGHER, yes())
                .field("clientSharesChallenges", HIGHER, yes());

        for (Factor f : Factor.values()) {
            all.add(new SnapshotField("perceptions.client." + f.key(), f, HIGHER,
                    s -> s.perceptions().client().of(f), rating()));
            all.add(new SnapshotField("perceptions.supplier." + f.key(), f, HIGHER,
                    s -> s.perceptions().supplier().of(f), rating()));
        }

        Map<String, SnapshotField> byPath = new LinkedHashMap<>();
        all.forEach(f -> byPath.put(f.path(), f));
        BY_PATH = Collections.unmodifiableMap(byPath);
        Map<Factor, List<SnapshotField>> byFactor = new EnumMap<>(Factor.class);
        for (Factor f : Factor.values()) {
            byFactor.put(f, all.stream().filter(field -> field.factor() == f).toList());
        }
        BY_FACTOR = Collections.unmodifiableMap(byFactor);
    }

    private SnapshotFields() {
    }

    /** Every field, in contract order. */
    public static List<SnapshotField> all() {
        return List.copyOf(BY_PATH.values());
    }

    public static Optional<SnapshotField> byPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    /** Fields that inform one factor (its section's facts and both sides' rating of it). */
    public static List<SnapshotField> of(Factor factor) {
        return BY_FACTOR.get(factor);
    }

    /**
     * Builds accessors from the record components, so the table names each field once. They are
     * method handles rather than {@code Method.invoke}: every evaluation reads every field for its
     * health score and data gaps, and reflective calls (with their access checks) were a tenth of
     * an evaluation's time.
     */
    private record Builder(List<SnapshotField> out) {

        SectionBuilder section(String name, Factor factor) {
            try {
                Method sectionAccessor = Snapshot.class.getMethod(name);
                return new SectionBuilder(out, name, factor, sectionAccessor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("Snapshot has no section " + name, e);
            }
        }
    }

    private record SectionBuilder(List<SnapshotField> out, String section, Factor factor, Method sectionAccessor) {

        private static final MethodHandles.Lookup LOOKUP = MethodHandles.publicLookup();

        SectionBuilder field(String name, Better better, Goodness goodness) {
            Method accessor = componentAccessor(sectionAccessor.getReturnType(), name);
            MethodHandle read;
            try {
                // snapshot -> section -> field, boxed to Object
                read = MethodHandles.filterReturnValue(LOOKUP.unreflect(sectionAccessor), LOOKUP.unreflect(accessor))
                        .asType(MethodType.methodType(Object.class, Snapshot.class));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + section + "." + name, e);
            }
            Function<Snapshot, Object> value = s -> {
                try {
                    return (Object) read.invokeExact(s);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            };
            out.add(new SnapshotField(section + "." + name, factor, better, value, goodness));
            return this;
        }

        private static Method componentAccessor(Class<?> type, String name) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals(name)) {
                    return c.getAccessor();
                }
            }
            throw new IllegalStateException(type.getSimpleName() + " has no field " + name);
        }
    }
}
