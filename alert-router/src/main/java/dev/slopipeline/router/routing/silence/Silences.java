package dev.slopipeline.router.routing.silence;

import dev.slopipeline.kit.time.Durations;
import dev.slopipeline.router.routing.matcher.MatchType;
import dev.slopipeline.router.routing.matcher.Matcher;
import dev.slopipeline.router.routing.matcher.Matchers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Every silence, with Alertmanager's rules for creating, expiring, listing and applying them. Plain state: callers
 * pass the time and the ids, so replaying the same commands gives the same silences.
 */
public final class Silences {

    /** How long an expired silence is kept as history; Alertmanager's default data retention. */
    public static final Duration RETENTION = Duration.ofHours(120);
    /** Most matchers in one silence: more is a mistake, and each one costs every alert a check. */
    public static final int MAX_MATCHERS = 32;
    /** Longest label name or value in a matcher, creator and comment, in characters. */
    public static final int MAX_TEXT = 1024;

    /**
     * Alertmanager's listing order: active ones first, soonest to end first; then pending ones, soonest to start
     * first; then expired ones, most recently ended first.
     */
    private static Comparator<Silence> listingOrder(Instant now) {
        return Comparator.<Silence, SilenceState>comparing(s -> s.state(now), Comparator.comparingInt(Silences::rank))
                .thenComparing((a, b) -> switch (a.state(now)) {
                    case ACTIVE -> a.endsAt().compareTo(b.endsAt());
                    case PENDING -> a.startsAt().compareTo(b.startsAt());
                    case EXPIRED -> b.endsAt().compareTo(a.endsAt());
                })
                .thenComparing(Silence::id);
    }

    private final Map<UUID, Silence> byId = new LinkedHashMap<>();
    private final SilenceLimits limits;

    /** With the {@linkplain SilenceLimits#DEFAULT default limits}. */
    public Silences() {
        this(SilenceLimits.DEFAULT);
    }

    public Silences(SilenceLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Creates a silence, starting now if the request starts in the past. The limit on their number holds against the
     * silences held here: hold all of them to enforce it.
     *
     * @param id chosen by the caller (the API, when it accepts the request), so that processing the request twice
     *           cannot create two silences
     * @throws InvalidSilenceException listing everything wrong with the request, its length beyond the limit included
     * @throws TooManySilencesException if as many silences as the limit allows are active or pending
     * @throws IllegalArgumentException if a silence with this id exists
     */
    public Silence create(UUID id, SilenceRequest request, Instant now) {
        if (byId.containsKey(id)) {
            throw new IllegalArgumentException("a silence with id " + id + " already exists");
        }
        List<String> problems = problems(request, now);
        Instant startsAt = request.startsAt().isBefore(now) ? now : request.startsAt();
        Duration lasts = Duration.between(startsAt, request.endsAt());
        if (lasts.compareTo(limits.maxDuration()) > 0) {
            problems.add("it lasts " + Durations.format(lasts.truncatedTo(ChronoUnit.SECONDS)) + ", longer than the "
                    + Durations.format(limits.maxDuration()) + " a silence may last (router.silences.max.duration); "
                    + "end it sooner, and create another when it ends if it is still needed");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSilenceException(problems);
        }
        int live = live(now);
        if (live >= limits.maxSilences()) {
            throw new TooManySilencesException(live, limits.maxSilences());
        }
        Silence silence = new Silence(id, request.matchers(), startsAt, request.endsAt(), now,
                request.createdBy(), request.comment(), request.createdByToken());
        byId.put(id, silence);
        return silence;
    }

    /** How many silences are active or pending: those that count against the limit. */
    public int live(Instant now) {
        return (int) byId.values().stream().filter(silence -> silence.state(now) != SilenceState.EXPIRED).count();
    }

    /**
     * Expires a silence now; expiring an expired silence changes nothing.
     *
     * @throws NoSuchElementException if there is no silence with this id (never created, or forgotten after
     *         {@link #RETENTION})
     */
    public Silence expire(UUID id, Instant now) {
        Silence silence = get(id).orElseThrow(() -> new NoSuchElementException("no silence with id " + id));
        Silence expired = silence.expiredAt(now);
        byId.put(id, expired);
        return expired;
    }

    public Optional<Silence> get(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The silences whose matchers satisfy the filter, as Alertmanager's API filters them: for each filter matcher the
     * silence has a matcher on the same label whose value the filter matcher matches. An empty filter lists all.
     */
    public List<Silence> list(Matchers filter, Instant now) {
        return byId.values().stream()
                .filter(silence -> passes(silence, filter))
                .sorted(listingOrder(now))
                .toList();
    }

    /** The active silences muting alerts with these labels, by id; empty when none does. */
    public List<UUID> silencedBy(Map<String, String> labels, Instant now) {
        return byId.values().stream()
                .filter(s -> s.state(now) == SilenceState.ACTIVE && s.matches(labels))
                .map(Silence::id)
                .sorted()
                .toList();
    }

    public boolean isSilenced(Map<String, String> labels, Instant now) {
        return !silencedBy(labels, now).isEmpty();
    }

    /** Forgets silences that ended {@link #RETENTION} or longer ago; returns how many. */
    public int gc(Instant now) {
        Instant cutoff = now.minus(RETENTION);
        int before = byId.size();
        byId.values().removeIf(s -> !s.endsAt().isAfter(cutoff));
        return before - byId.size();
    }

    /** Every silence in creation order, for a snapshot. */
    public List<Silence> all() {
        return List.copyOf(byId.values());
    }

    /** Replaces the whole content, as restored from a snapshot. */
    public void replaceAll(Collection<Silence> restored) {
        byId.clear();
        restored.forEach(s -> byId.put(s.id(), s));
    }

    private static String shortened(String text) {
        return text.length() <= 64 ? "\"" + text + "\"" : "\"" + text.substring(0, 64) + "...\"";
    }

    private static List<String> problems(SilenceRequest request, Instant now) {
        List<String> problems = new ArrayList<>();
        List<Matcher> matchers = request.matchers().all();
        if (matchers.size() > MAX_MATCHERS) {
            problems.add("it has " + matchers.size() + " matchers; at most " + MAX_MATCHERS + " are allowed");
        }
        for (Matcher matcher : matchers) {
            if (matcher.name().length() > MAX_TEXT || matcher.value().length() > MAX_TEXT) {
                problems.add("matcher on label " + shortened(matcher.name()) + " is longer than " + MAX_TEXT
                        + " characters in its name or value");
            }
        }
        if (request.createdBy().length() > MAX_TEXT) {
            problems.add("createdBy is longer than " + MAX_TEXT + " characters");
        }
        if (request.comment().length() > MAX_TEXT) {
            problems.add("comment is longer than " + MAX_TEXT + " characters");
        }
        if (matchers.isEmpty()) {
            problems.add("it has no matchers; add at least one, e.g. slo=\"checkout-availability\"");
        } else if (matchers.stream().allMatch(Silences::matchesEmpty)) {
            problems.add("every matcher matches alerts without the label, so it would silence almost everything; "
                    + "add a matcher that requires a value, e.g. slo=\"checkout-availability\"");
        }
        if (!request.endsAt().isAfter(request.startsAt())) {
            problems.add("it ends at " + request.endsAt() + ", not after it starts at " + request.startsAt());
        }
        if (!request.endsAt().isAfter(now)) {
            problems.add("it ends at " + request.endsAt() + ", which is not in the future (now is " + now + ")");
        }
        if (request.createdBy().isBlank()) {
            problems.add("createdBy is empty; say who creates it");
        }
        if (request.comment().isBlank()) {
            problems.add("comment is empty; say why it is needed");
        }
        return problems;
    }

    /**
     * Alertmanager's test: an equality or regex matcher that accepts the empty string. Negative matchers never count,
     * even though they accept it, so {@code team!="payments"} alone is a valid (and broad) silence, as there.
     */
    private static boolean matchesEmpty(Matcher matcher) {
        return (matcher.type() == MatchType.EQUAL || matcher.type() == MatchType.REGEX) && matcher.matches("");
    }

    private static boolean passes(Silence silence, Matchers filter) {
        return filter.all().stream().allMatch(wanted -> silence.matchers().all().stream()
                .anyMatch(own -> own.name().equals(wanted.name()) && wanted.matches(own.value())));
    }

    private static int rank(SilenceState state) {
        return switch (state) {
            case ACTIVE -> 0;
            case PENDING -> 1;
            case EXPIRED -> 2;
        };
    }
}
