package com.covalue.model;

/** How urgent a recommendation is, from most to least; derived from its priority score. */
public enum Level { CRITICAL, HIGH, MEDIUM, LOW }
