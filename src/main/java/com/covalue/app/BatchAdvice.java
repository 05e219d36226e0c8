package com.covalue.app;

import com.covalue.model.Advice;
import com.covalue.model.ErrorResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The answer to a batch: the rule set that judged it, and per item its advice or its error. */
public record BatchAdvice(Advice.RulesUsed rules, List<Item> results) {

    /** One item of a batch answer: the advice, or that item's error. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, Advice advice, ErrorResponse error) {
    }
}
