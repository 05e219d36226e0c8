package com.covalue.app;

import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import com.covalue.model.Snapshot;
import java.util.List;
import java.util.Objects;

/**
 * One snapshot to advise on, as the service and the command line both ask for it.
 *
 * @param snapshot the snapshot, already read and validated
 * @param previous the same relationship's snapshot before it, or null: adds the trend rules
 * @param explain  add to every recommendation the rules that fired and the facts they matched
 */
public record AdviceRequest(Snapshot snapshot, Snapshot previous, boolean explain) {

    /** @throws CovalueException {@code invalid_previous} when {@code previous} cannot precede {@code snapshot} */
    public AdviceRequest {
        Objects.requireNonNull(snapshot, "snapshot == null");
        if (previous != null) {
            previous.problemAsPreviousOf(snapshot).ifPresent(problem -> {
                throw new CovalueException(ErrorCode.INVALID_PREVIOUS, "The previous snapshot cannot be compared with this one: "
                        + problem.message() + ".", List.of(problem));
            });
        }
    }

    /** Without history. */
    public AdviceRequest(Snapshot snapshot, boolean explain) {
        this(snapshot, null, explain);
    }
}
