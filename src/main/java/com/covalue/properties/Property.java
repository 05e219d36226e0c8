package com.covalue.properties;

/** The contract's properties (version 2) that are checked on the rules being loaded or verified. */
public enum Property {
    BETTER_NEVER_LOOKS_WORSE(2, "better never looks worse"),
    NEARER_RENEWAL_NEVER_CALMER(3, "a nearer renewal never looks calmer"),
    NO_WATERMELON(5, "no watermelon"),
    ADVICE_NEVER_CONTRADICTS_THE_FACTS(6, "advice never contradicts the facts"),
    FOCUS(7, "focus");

    private final int number;
    private final String words;

    Property(int number, String words) {
        this.number = number;
        this.words = words;
    }

    /** Its number in the contract's list ("Properties of version 2"). */
    public int number() {
        return number;
    }

    /** Its name as the contract and {@code rules/README.md} say it: {@code "better never looks worse" (property 2)}. */
    public String title() {
        return "\"" + words + "\" (property " + number + ")";
    }
}
