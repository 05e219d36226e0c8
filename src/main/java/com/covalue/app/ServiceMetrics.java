package com.covalue.app;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The service's Prometheus metrics, in a registry of its own (so tests can run several services). */
public final class ServiceMetrics {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder().name("covalue_http_requests_total")
            .help("HTTP requests by route, method and status").labelNames("route", "method", "status").register(registry);
    private final Histogram latency = Histogram.builder().name("covalue_http_request_duration_seconds")
            .help("HTTP request latency by route").labelNames("route")
            .classicUpperBounds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5).register(registry);
    private final Counter evaluations = Counter.builder().name("covalue_evaluations_total")
            .help("Snapshots evaluated against the rules").register(registry);
    private final Counter reloads = Counter.builder().name("covalue_rule_reloads_total")
            .help("Rule reload attempts by outcome (loaded, unchanged, rejected)").labelNames("outcome").register(registry);
    private final Info rulesInfo = Info.builder().name("covalue_rules_info")
            .help("The active rule set's revision").labelNames("revision").register(registry);
    /** A gauge: "_count" would read as a counter's or histogram's sample count to Prometheus tooling. */
    private final Gauge ruleCount = Gauge.builder().name("covalue_rules_loaded")
            .help("Rules in the active rule set").register(registry);

    public ServiceMetrics() {
        JvmMetrics.builder().register(registry); // memory, GC, threads, CPU and open files of this process
    }

    public void request(String route, String method, int status, double seconds) {
        requests.labelValues(route, method, String.valueOf(status)).inc();
        latency.labelValues(route).observe(seconds);
    }

    public void evaluated(int snapshots) {
        evaluations.inc(snapshots);
    }

    public void reloaded(ReloadOutcome outcome, int activeRuleCount, String activeRevision) {
        reloads.labelValues(outcome.outcome()).inc();
        if (activeRevision != null) {
            rulesInfo.setLabelValues(activeRevision);
            ruleCount.set(activeRuleCount);
        }
    }

    /** The metrics in Prometheus' text exposition format. */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new PrometheusTextFormatWriter(false).write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
