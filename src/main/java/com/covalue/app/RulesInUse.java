package com.covalue.app;

/** The rule set a piece of work runs on, as people are told about it. */
public record RulesInUse(String revision, int ruleCount, int fileCount) {
}
