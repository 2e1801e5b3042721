package dev.slopipeline.router.oncall.escalation;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Page-load figures per person and per schedule, computed from incident timelines alone, so that they
 * can be recomputed for any period from the stored timeline.
 *
 * <p>A time to acknowledge runs from the acknowledger's first page since the incident was last
 * (re)triggered; an acknowledgement by someone who was not paged in that stretch (a watcher in the
 * UI) answers no page of theirs and is not counted. It counts for the schedule that page came through.
 */
public final class PageLoad {

    private PageLoad() {
    }

    /**
     * @param timeline entries of any number of incidents, each incident's in the order they happened
     * @param userZones each person's time zone; a person missing from it (removed since) counts in UTC
     */
    public static PageLoadReport of(List<TimelineEntry> timeline, Map<String, ZoneId> userZones, WorkingHours hours) {
        Map<String, Tally> byUser = new TreeMap<>();
        Map<String, Tally> bySchedule = new TreeMap<>();
        Map<String, Map<String, TimelineEntry.Notified>> firstPages = new HashMap<>();
        for (TimelineEntry entry : timeline) {
            if (entry instanceof TimelineEntry.Triggered || entry instanceof TimelineEntry.Retriggered) {
                firstPages.put(entry.incident(), new HashMap<>());
            } else if (entry instanceof TimelineEntry.Notified notified && notified.reason().isPage()) {
                boolean outOfHours = !hours.contains(notified.at(), userZones.getOrDefault(notified.user(), ZoneOffset.UTC));
                byUser.computeIfAbsent(notified.user(), name -> new Tally()).page(outOfHours);
                notified.schedule().ifPresent(schedule -> bySchedule.computeIfAbsent(schedule, name -> new Tally()).page(outOfHours));
                firstPages.computeIfAbsent(notified.incident(), incident -> new HashMap<>()).putIfAbsent(notified.user(), notified);
            } else if (entry instanceof TimelineEntry.Acknowledged acknowledged) {
                Optional.ofNullable(firstPages.getOrDefault(acknowledged.incident(), Map.of()).get(acknowledged.by()))
                        .ifPresent(firstPage -> {
                            Duration waited = Duration.between(firstPage.at(), acknowledged.at());
                            byUser.computeIfAbsent(acknowledged.by(), name -> new Tally()).acknowledged(waited);
                            firstPage.schedule().ifPresent(schedule ->
                                    bySchedule.computeIfAbsent(schedule, name -> new Tally()).acknowledged(waited));
                        });
            }
        }
        return new PageLoadReport(loads(byUser), loads(bySchedule));
    }

    private static Map<String, Load> loads(Map<String, Tally> tallies) {
        Map<String, Load> loads = new TreeMap<>();
        tallies.forEach((name, tally) -> loads.put(name, new Load(tally.pages, tally.outOfHours, tally.waits)));
        return loads;
    }

    private static final class Tally {
        private int pages;
        private int outOfHours;
        private final List<Duration> waits = new ArrayList<>();

        void page(boolean outOfHoursPage) {
            pages++;
            if (outOfHoursPage) {
                outOfHours++;
            }
        }

        void acknowledged(Duration waited) {
            waits.add(waited);
        }
    }
}
