package dev.slopipeline.router.oncall.escalation;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** {@link Load} by person and by schedule, each by name. */
public record PageLoadReport(Map<String, Load> byUser, Map<String, Load> bySchedule) {

    public PageLoadReport {
        byUser = Collections.unmodifiableMap(new TreeMap<>(byUser));
        bySchedule = Collections.unmodifiableMap(new TreeMap<>(bySchedule));
    }
}
