package com.covalue.review.report;

import com.covalue.review.Review.Action;
import com.covalue.review.Review.Reviewed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The actions of one reviewed relationship as every rendering lists them, each action once: what
 * to do first (the advice's focus), the conditions before signing that the focus does not already
 * show, the conditions beyond the first five ("also open"), then the other top recommendations.
 */
public final class ActionGroups {

    /** How many of the conditions beyond the first five a review lists by name. */
    static final int ALSO_OPEN_SHOWN = 5;

    private ActionGroups() {
    }

    /**
     * A list of actions under its heading.
     *
     * @param withReasons whether the terminal report shows each action's reasons (the wider reports show them
     *                    for every group but the brief one)
     * @param whenNone    what to say when the list is empty (null: the group is left out when empty)
     * @param isFocus     the focus list, whose actions say when they are also conditions
     */
    public record Group(String heading, List<Action> actions, boolean withReasons, String whenNone, boolean isFocus) {

        /** The short list of further conditions: titles only, in every rendering. */
        public boolean brief() {
            return heading.startsWith(ALSO_OPEN);
        }
    }

    private static final String ALSO_OPEN = "Also open";

    public static List<Group> of(Reviewed r) {
        List<Group> groups = new ArrayList<>(4);
        Set<String> focus = ids(r.focus());
        if (!r.focus().isEmpty()) {
            groups.add(new Group("What to do first", r.focus(), true, null, true));
        }
        List<Action> otherConditions = r.conditions().stream().filter(a -> !focus.contains(a.id())).toList();
        if (r.conditions().isEmpty()) {
            groups.add(new Group("Conditions before signing", List.of(), true, "No conditions: the rules set none for this verdict.", false));
        } else if (!otherConditions.isEmpty()) {
            boolean someInFocus = otherConditions.size() < r.conditions().size();
            groups.add(new Group(someInFocus ? "Other conditions before signing" : "Conditions before signing", otherConditions,
                    true, null, false));
        }
        if (!r.alsoOpen().isEmpty()) {
            // a long tail of conditions buries the five that matter: show the next few, count the rest
            int shown = Math.min(ALSO_OPEN_SHOWN, r.alsoOpen().size());
            String heading = ALSO_OPEN + ": the rules made these conditions too"
                    + (shown < r.alsoOpen().size() ? " (" + shown + " of " + r.alsoOpen().size() + " shown)" : "");
            groups.add(new Group(heading, r.alsoOpen().subList(0, shown), false, null, false));
        }
        String none = r.recommendationCount() == 0 ? "No recommendations: no rule found a missing or weak practice." : null;
        // when conditions are left unlisted, lesser recommendations would only sit above them
        boolean conditionsUnlisted = r.alsoOpen().size() > ALSO_OPEN_SHOWN;
        if ((!r.topRecommendations().isEmpty() && !conditionsUnlisted) || none != null) {
            groups.add(new Group(groups.size() > 1 || !r.focus().isEmpty() ? "Other top recommendations" : "Top recommendations",
                    r.topRecommendations(), false, none, false));
        }
        return groups;
    }

    /** Whether an action listed in the focus is also a condition before signing. */
    public static boolean isCondition(Reviewed r, Action a) {
        return r.conditions().stream().anyMatch(c -> c.id().equals(a.id()));
    }

    /** How many recommendations the review leaves to the full advice. */
    public static int more(Reviewed r) {
        Set<String> shown = ids(r.focus());
        shown.addAll(ids(r.conditions()));
        shown.addAll(ids(r.alsoOpen().subList(0, Math.min(ALSO_OPEN_SHOWN, r.alsoOpen().size()))));
        if (r.alsoOpen().size() <= ALSO_OPEN_SHOWN) {
            shown.addAll(ids(r.topRecommendations()));
        }
        return r.recommendationCount() - shown.size();
    }

    private static Set<String> ids(List<Action> actions) {
        Set<String> ids = new HashSet<>();
        actions.forEach(a -> ids.add(a.id()));
        return ids;
    }
}
