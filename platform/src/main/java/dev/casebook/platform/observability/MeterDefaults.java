package dev.casebook.platform.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/** What every meter of every Casebook process shares. */
@Singleton
public class MeterDefaults {

    /** Prometheus's own default buckets, 5 ms to 10 s: enough for a p99 per route, few enough to stay cheap. */
    private static final double[] LATENCY_BUCKETS_SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final double[] LATENCY_BUCKETS_NANOS = new double[LATENCY_BUCKETS_SECONDS.length];

    static {
        for (int i = 0; i < LATENCY_BUCKETS_SECONDS.length; i++) {
            LATENCY_BUCKETS_NANOS[i] = LATENCY_BUCKETS_SECONDS[i] * 1e9; // timers count in nanoseconds
        }
    }

    /**
     * {@code service} (its application name) on every meter, so one query sums or splits across services whatever
     * the scrape configuration calls its jobs.
     */
    @Produces
    @Singleton
    MeterFilter serviceTag(@ConfigProperty(name = "quarkus.application.name") String service) {
        return MeterFilter.commonTags(List.of(Tag.of("service", service)));
    }

    /** HTTP server timers as histograms with fixed buckets, so alerts and dashboards can ask for the p99 per route. */
    @Produces
    @Singleton
    MeterFilter latencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(LATENCY_BUCKETS_NANOS).build().merge(config);
            }
        };
    }
}
