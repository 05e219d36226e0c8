package com.covalue.model;

/** A renewal verdict, declared from best to worst. */
public enum Verdict {
    RENEW,
    RENEW_WITH_CONDITIONS,
    REMEDIATE_BEFORE_RENEWAL,
    REVIEW_EXIT_OPTIONS;

    public boolean worseThan(Verdict other) {
        return compareTo(other) > 0;
    }
}
