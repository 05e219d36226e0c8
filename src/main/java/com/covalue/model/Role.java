package com.covalue.model;

/** What a signed-in user may do: each role can do everything the one below it can. */
public enum Role {
    /** Reads everything stored. */
    VIEWER,
    /** Also runs assessments and stores snapshots: everything about relationships. */
    LEAD,
    /** Also reloads rules, manages users and deletes relationships. */
    ADMIN;

    /** True when this role includes everything {@code other} may do. */
    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }
}
