package com.covalue.http;

/**
 * Limits and secrets of the HTTP service.
 *
 * @param maxBodyBytes  largest request body accepted (413 above it)
 * @param maxBatchItems most snapshots in one batch request
 * @param adminToken    bearer token for the admin endpoints; null disables them
 * @param writeToken    bearer token for storing snapshots; null leaves writes open (the admin
 *                      token is never accepted in its place: they are separate powers)
 * @param maxReviewItems most snapshots in one {@code POST /api/v1/reviews}
 * @param benchEndpoints adds {@code POST /bench/parse-only}, the HTTP limit the advice benchmark
 *                       is measured against; off unless {@code serve --bench-endpoints}
 */
public record ServiceConfig(long maxBodyBytes, int maxBatchItems, String adminToken, String writeToken, boolean benchEndpoints,
        int maxReviewItems) {

    /** With the default cap on reviews. */
    public ServiceConfig(long maxBodyBytes, int maxBatchItems, String adminToken, String writeToken, boolean benchEndpoints) {
        this(maxBodyBytes, maxBatchItems, adminToken, writeToken, benchEndpoints, DEFAULT_MAX_REVIEW);
    }

    /** Without a write token or benchmark endpoints. */
    public ServiceConfig(long maxBodyBytes, int maxBatchItems, String adminToken) {
        this(maxBodyBytes, maxBatchItems, adminToken, null, false);
    }

    public static final long DEFAULT_MAX_BODY = 1024 * 1024;
    public static final int DEFAULT_MAX_BATCH = 100;
    /** A portfolio with a few years of history per relationship, not an unbounded flood. */
    public static final int DEFAULT_MAX_REVIEW = 500;
}
