package dev.slopipeline.router.oncall.schedule;

import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.YamlMap;

/**
 * Reads the {@code users} and {@code schedules} sections of the router configuration. Every problem is
 * reported to {@code problems}; entries with a problem are left out, so use the result only when
 * there is no error. The caller owns the root map and rejects its unknown top-level fields.
 *
 * <p>The format, with a full example in {@code alert-router/src/test/resources/oncall/example.yaml}:
 * <pre>{@code
 * users:
 *   - name: alice
 *     time_zone: Europe/Berlin            # out-of-hours pages are counted in it
 *     contacts:                           # all of them, on every page
 *       - {type: email, address: alice@example.com}     # email | slack | pagerduty | webhook
 * schedules:
 *   - name: payments-primary
 *     time_zone: Europe/Berlin            # hand-offs, restrictions and offset-less overrides
 *     layers:                             # a later layer wins where it has someone
 *       - name: weekly
 *         users: [alice, bob, carol]      # in turn order
 *         rotation:
 *           length: 1w                    # 1h or more: 12h, 1d, 2w ...; counted in wall time
 *           start: 2026-11-04             # alice's first turn starts this day at the hand-off time
 *           handoff: {day: wednesday, time: "10:00"}   # day is optional; it must be start's day
 *         restrictions:                   # optional; outside them the layer has nobody
 *           - {days: [monday..friday], start: "09:00", end: "17:00"}   # end <= start: next day
 *     overrides:                          # win over every layer; must not overlap
 *       - {user: dave, start: 2026-12-24T18:00, end: "2026-12-27T09:00:00+01:00"}
 * }</pre>
 */
public final class OnCallConfigReader {

    private OnCallConfigReader() {
    }

    public static OnCallSections read(YamlMap root, Problems problems) {
        DeclaredNames userNames = new DeclaredNames("user");
        DeclaredNames scheduleNames = new DeclaredNames("schedule");
        var users = new UserReader(userNames, problems).read(root);
        var schedules = new ScheduleReader(userNames, scheduleNames, problems).read(root);
        return new OnCallSections(new OnCallConfig(users, schedules), userNames, scheduleNames);
    }
}
