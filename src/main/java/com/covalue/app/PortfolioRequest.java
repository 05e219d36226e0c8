package com.covalue.app;

import com.covalue.review.ReviewOptions;
import com.covalue.store.StoreSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A renewal review of snapshot files and, optionally, of a history store.
 *
 * @param paths   snapshot files, folders searched recursively, JSON Lines files
 * @param report  the file the report is written to, never read as input (null for none)
 * @param store   a history store whose every snapshot is reviewed too, or null
 * @param options the as-of day, the window, the gate
 */
public record PortfolioRequest(List<Path> paths, Path report, StoreSettings store, ReviewOptions options) {

    public PortfolioRequest {
        paths = List.copyOf(paths);
        Objects.requireNonNull(options, "options == null");
    }
}
