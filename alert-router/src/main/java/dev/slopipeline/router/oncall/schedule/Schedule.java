package dev.slopipeline.router.oncall.schedule;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Who is on call for a team: layers stacked in order (a later layer wins where it has someone) and
 * overrides on top of all layers.
 *
 * @param timeZone the wall clock of hand-offs, restrictions and overrides written without an offset
 */
public record Schedule(String name, ZoneId timeZone, List<Layer> layers, List<ScheduleOverride> overrides) {

    public Schedule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeZone, "timeZone");
        layers = List.copyOf(layers);
        overrides = List.copyOf(overrides);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("schedule " + name + " has no layer");
        }
    }
}
