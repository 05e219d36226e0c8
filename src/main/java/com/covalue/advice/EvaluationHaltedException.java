package com.covalue.advice;

import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import java.time.Duration;
import java.util.Optional;

/**
 * The rules were stopped on one snapshot ({@link ErrorCode#EVALUATION_HALTED}), for one of two
 * reasons: they ran past their time budget, or they fired more than {@link Advisor#MAX_FIRINGS}
 * times, which only a rule that keeps re-triggering itself does. Which guard trips first depends
 * on how fast the machine is, so callers treat both alike; the reason is kept for messages that
 * can point at a rule.
 */
public final class EvaluationHaltedException extends CovalueException {

    private final String runawayRule;

    private EvaluationHaltedException(String message, String runawayRule) {
        super(ErrorCode.EVALUATION_HALTED, message);
        this.runawayRule = runawayRule;
    }

    static EvaluationHaltedException overBudget(Duration budget) {
        return new EvaluationHaltedException("The rules took longer than their time budget of " + budget.toMillis()
                + " ms on this snapshot and were halted; the rules folder probably has a rule that keeps firing or joins"
                + " too many facts. Other requests are not affected.", null);
    }

    static EvaluationHaltedException tooManyFirings(int firings, String lastRule) {
        return new EvaluationHaltedException("The rules fired " + firings + " times on this snapshot and were halted;"
                + (lastRule == null ? " a rule" : " rule \"" + lastRule + "\", the last to fire,")
                + " probably changes a fact that its own conditions match, so it fires again and again."
                + " Other requests are not affected.", lastRule);
    }

    /** The rule that was firing when the firing limit stopped the rules; empty when the time budget did. */
    public Optional<String> runawayRule() {
        return Optional.ofNullable(runawayRule);
    }
}
