package dev.slopipeline.router.routing.route;

import dev.slopipeline.router.routing.matcher.GoStrings;
import dev.slopipeline.router.routing.matcher.Matchers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A node of the routing tree. Built once from the config with every default and inherited option
 * resolved, then never changed: {@link #match(Map)} only reads.
 */
public final class Route {

    private final RouteOptions options;
    private final Matchers matchers;
    private final boolean continueMatching;
    private final String key;
    private final String id;
    private final List<Route> children;

    private Route(RouteSpec spec, RouteOptions options, String key, String id) {
        this.options = options;
        this.matchers = spec.matchers();
        this.continueMatching = spec.continueMatching();
        this.key = key;
        this.id = id;
        this.children = IntStream.range(0, spec.routes().size())
                .mapToObj(i -> child(spec.routes().get(i), i))
                .toList();
    }

    private Route child(RouteSpec spec, int position) {
        return new Route(spec, options.inheritedBy(spec),
                key + "/" + spec.matchers(),
                id + "/" + spec.matchers() + "/" + position);
    }

    /**
     * The tree under a root route, which starts from {@link RouteOptions#DEFAULTS}.
     *
     * @throws IllegalArgumentException if the root names no receiver: alerts no child catches need one
     */
    public static Route tree(RouteSpec root) {
        if (root.receiver().filter(r -> !r.isEmpty()).isEmpty()) {
            throw new IllegalArgumentException("the root route must name a receiver");
        }
        String key = root.matchers().toString();
        return new Route(root, RouteOptions.DEFAULTS.inheritedBy(root), key, key);
    }

    /**
     * The routes that handle an alert with these labels, in tree order. Depth first: the first child
     * that matches ends the search among its siblings unless it has {@code continue: true}; a route
     * none of whose children match handles the alert itself. Empty if this route does not match.
     */
    public List<Route> match(Map<String, String> labels) {
        if (!matchers.matches(labels)) {
            return List.of();
        }
        List<Route> matched = new ArrayList<>();
        for (Route child : children) {
            List<Route> childMatches = child.match(labels);
            matched.addAll(childMatches);
            if (!childMatches.isEmpty() && !child.continueMatching) {
                break;
            }
        }
        return matched.isEmpty() ? List.of(this) : List.copyOf(matched);
    }

    /** This route and every route under it, parents before children, children in order. */
    public Stream<Route> stream() {
        return Stream.concat(Stream.of(this), children.stream().flatMap(Route::stream));
    }

    public String receiver() {
        return options.receiver();
    }

    public RouteOptions options() {
        return options;
    }

    public Matchers matchers() {
        return matchers;
    }

    public boolean continueMatching() {
        return continueMatching;
    }

    public List<Route> children() {
        return children;
    }

    /**
     * Alertmanager's route key: the matchers of each route from the root down, e.g.
     * {@code {}/{severity="page"}}. Two sibling routes with the same matchers share it.
     */
    public String key() {
        return key;
    }

    /**
     * Alertmanager's route ID: the key with each route's position among its siblings, e.g.
     * {@code {}/{severity="page"}/0}; unique within the tree, stable while the config is.
     */
    public String id() {
        return id;
    }

    /** The labels that decide which group of this route an alert belongs to. */
    public SortedMap<String, String> groupLabels(Map<String, String> labels) {
        return options.groupBy().select(labels);
    }

    /**
     * The group an alert joins on this route: {@code id:{name="value", ...}}. Built on the route ID
     * rather than Alertmanager's key, so that two sibling routes with the same matchers keep separate
     * groups when group state is stored by key.
     */
    public String groupKey(Map<String, String> labels) {
        return id + ":" + groupLabels(labels).entrySet().stream()
                .map(label -> label.getKey() + "=" + GoStrings.quote(label.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    @Override
    public String toString() {
        return id + " -> " + options.receiver();
    }
}
