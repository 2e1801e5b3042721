package dev.slopipeline.router.oncall.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A layer: its rotation's turns, cut down to its restriction windows. */
final class LayerCoverage implements Coverage {

    /** A restriction opens at least once a week; a week and a day either side always holds the nearest edges. */
    private static final int WINDOW_SEARCH_DAYS = 8;

    private final Layer layer;
    private final ZoneId zone;

    LayerCoverage(Layer layer, ZoneId zone) {
        this.layer = layer;
        this.zone = zone;
    }

    @Override
    public Optional<String> userAt(Instant instant) {
        long turn = turnAt(instant);
        if (turn < 0 || !onDuty(instant)) {
            return Optional.empty();
        }
        return Optional.of(layer.rotation().userOnTurn(turn));
    }

    @Override
    public Optional<Instant> nextBoundaryAfter(Instant instant) {
        Instant next = handoff(turnAt(instant) + 1);
        for (Instant edge : windowEdges(instant)) {
            if (edge.isAfter(instant) && edge.isBefore(next)) {
                next = edge;
            }
        }
        return Optional.of(next);
    }

    @Override
    public Optional<Instant> lastBoundaryAtOrBefore(Instant instant) {
        long turn = turnAt(instant);
        Instant last = turn < 0 ? null : handoff(turn);
        for (Instant edge : windowEdges(instant)) {
            if (!edge.isAfter(instant) && (last == null || edge.isAfter(last))) {
                last = edge;
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * The last turn started at or before the instant, or -1 before the first hand-off. The estimate from
     * wall time can be one off near a DST change; the hand-off instants, which never decrease, settle it.
     */
    private long turnAt(Instant instant) {
        Rotation rotation = layer.rotation();
        LocalDateTime wallTime = LocalDateTime.ofInstant(instant, zone);
        long minutes = ChronoUnit.MINUTES.between(rotation.firstHandoff(), wallTime);
        long turn = Math.max(-1, Math.floorDiv(minutes, rotation.length().toMinutes()));
        while (turn >= 0 && handoff(turn).isAfter(instant)) {
            turn--;
        }
        while (!handoff(turn + 1).isAfter(instant)) {
            turn++;
        }
        return turn;
    }

    private Instant handoff(long turn) {
        return WallClock.toInstant(layer.rotation().handoff(turn), zone);
    }

    private boolean onDuty(Instant instant) {
        if (layer.restrictions().isEmpty()) {
            return true;
        }
        LocalDate today = LocalDate.ofInstant(instant, zone);
        for (Restriction restriction : layer.restrictions()) {
            // a window that opened yesterday may still be open (18:00–09:00)
            for (LocalDate day = today.minusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
                if (restriction.opensOn(day)
                        && !WallClock.toInstant(restriction.opening(day), zone).isAfter(instant)
                        && WallClock.toInstant(restriction.closing(day), zone).isAfter(instant)) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<Instant> windowEdges(Instant instant) {
        List<Instant> edges = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(instant, zone);
        for (Restriction restriction : layer.restrictions()) {
            for (LocalDate day = today.minusDays(WINDOW_SEARCH_DAYS); !day.isAfter(today.plusDays(WINDOW_SEARCH_DAYS)); day = day.plusDays(1)) {
                if (restriction.opensOn(day)) {
                    edges.add(WallClock.toInstant(restriction.opening(day), zone));
                    edges.add(WallClock.toInstant(restriction.closing(day), zone));
                }
            }
        }
        return edges;
    }
}
