package dev.slopipeline.kit.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a server answers: routes by method and path template, the guards every request passes first, and who is told
 * of each reply. Of the templates that fit a path the most specific wins (a literal segment over a parameter); its
 * methods decide between a handler and a 405.
 *
 * <pre>{@code
 * new Routes()
 *         .probe("/healthz", health::live)
 *         .get("/api/v1/silences", silences::list)
 *         .delete("/api/v1/silences/{id}", silences::expire)
 * }</pre>
 */
public final class Routes {

    /** The route of a request that fits none. */
    public static final String UNMATCHED = "unmatched";

    /** Any method: the route answers all of them. */
    private static final String ANY = "*";

    /** @param maxBodyBytes this route's own limit on request bodies; empty for the server's */
    private record Route(String method, PathTemplate template, Handler handler, boolean probe,
                         OptionalInt maxBodyBytes) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final List<Guard> guards = new ArrayList<>();
    private ReplyObserver observer = ReplyObserver.NONE;

    public Routes get(String template, Handler handler) {
        return add("GET", template, handler, false);
    }

    public Routes head(String template, Handler handler) {
        return add("HEAD", template, handler, false);
    }

    public Routes post(String template, Handler handler) {
        return add("POST", template, handler, false);
    }

    /**
     * A POST whose bodies have a limit of their own rather than the server's {@link Limits#maxBodyBytes()}: for the
     * one endpoint whose callers send larger batches (a larger body is refused with 413 as usual).
     */
    public Routes post(String template, int maxBodyBytes, Handler handler) {
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must not be negative, was " + maxBodyBytes);
        }
        return add("POST", template, handler, false, OptionalInt.of(maxBodyBytes));
    }

    public Routes delete(String template, Handler handler) {
        return add("DELETE", template, handler, false);
    }

    /** Every method; the handler reads {@link Request#method()}. */
    public Routes any(String template, Handler handler) {
        return add(ANY, template, handler, false);
    }

    /**
     * A GET answered at once on the server's own threads, never queued behind handlers waiting on something slow:
     * for {@code /healthz} and {@code /readyz}. Its handler must not block.
     */
    public Routes probe(String template, Handler handler) {
        return add("GET", template, handler, true);
    }

    /** Runs before routing, in the order added; the first refusal answers the request. */
    public Routes guard(Guard guard) {
        guards.add(Objects.requireNonNull(guard, "guard"));
        return this;
    }

    public Routes observe(ReplyObserver newObserver) {
        this.observer = Objects.requireNonNull(newObserver, "observer");
        return this;
    }

    private Routes add(String method, String template, Handler handler, boolean probe) {
        return add(method, template, handler, probe, OptionalInt.empty());
    }

    private Routes add(String method, String template, Handler handler, boolean probe, OptionalInt maxBodyBytes) {
        PathTemplate path = new PathTemplate(template);
        Objects.requireNonNull(handler, "handler");
        boolean taken = routes.stream().anyMatch(route -> route.template().toString().equals(template)
                && (route.method().equals(method) || route.method().equals(ANY) || method.equals(ANY)));
        if (taken) {
            throw new IllegalArgumentException(method + " " + template + " has a route already");
        }
        routes.add(new Route(method, path, handler, probe, maxBodyBytes));
        return this;
    }

    List<Guard> guards() {
        return List.copyOf(guards);
    }

    ReplyObserver observer() {
        return observer;
    }

    /** What answers {@code method} at {@code rawPath}. */
    Lookup find(String method, String rawPath) {
        Optional<PathTemplate> best = routes.stream()
                .map(Route::template)
                .filter(template -> template.match(rawPath).isPresent())
                .min(Comparator.naturalOrder());
        if (best.isEmpty()) {
            return new Lookup.NotFound();
        }
        String template = best.get().toString();
        List<Route> atPath = routes.stream().filter(route -> route.template().toString().equals(template)).toList();
        Optional<Route> route = atPath.stream()
                .filter(candidate -> candidate.method().equals(method) || candidate.method().equals(ANY))
                .findFirst();
        if (route.isEmpty()) {
            String allowed = atPath.stream().map(Route::method).collect(Collectors.toCollection(TreeSet::new)).stream()
                    .collect(Collectors.joining(", "));
            return new Lookup.WrongMethod(template, allowed);
        }
        Map<String, String> parameters = best.get().match(rawPath).orElseThrow();
        return new Lookup.Found(template, route.get().handler(), parameters, route.get().probe(),
                route.get().maxBodyBytes());
    }

    /** The templates served, for a 404 that says what there is. */
    List<String> templates() {
        return routes.stream().map(route -> route.template().toString()).distinct().toList();
    }

    /** What a lookup found. */
    sealed interface Lookup {

        /** The route's template, or {@link #UNMATCHED}. */
        String route();

        record Found(String route, Handler handler, Map<String, String> parameters, boolean probe,
                     OptionalInt maxBodyBytes) implements Lookup {
        }

        record WrongMethod(String route, String allowed) implements Lookup {
        }

        record NotFound() implements Lookup {
            @Override
            public String route() {
                return UNMATCHED;
            }
        }
    }
}
