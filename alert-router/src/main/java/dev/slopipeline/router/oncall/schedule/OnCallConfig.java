package dev.slopipeline.router.oncall.schedule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The people and the schedules of the router configuration, by name, in the order written. */
public record OnCallConfig(Map<String, User> users, Map<String, Schedule> schedules) {

    public OnCallConfig {
        users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
        schedules = Collections.unmodifiableMap(new LinkedHashMap<>(schedules));
    }

    public Optional<User> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    public Optional<Schedule> schedule(String name) {
        return Optional.ofNullable(schedules.get(name));
    }
}
