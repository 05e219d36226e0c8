package com.covalue.facts;

import com.covalue.model.Factor;
import com.covalue.model.Level;

/** Renewal-stage fact: a recommendation that was given, with its factor and priority. */
public record Recommended(String id, Factor factor, Level level, int score, String title) {
}
