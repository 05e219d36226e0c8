package com.covalue.facts;

import com.covalue.model.Level;

/** Renewal-stage fact: a recommendation that was given, with its priority. */
public record Recommended(String id, String factor, Level level, int score, String title) {
}
