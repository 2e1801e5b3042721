package dev.slopipeline.streams.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.definitions.model.SeriesKey;
import dev.slopipeline.kit.http.Json;
import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import dev.slopipeline.kit.http.Routes;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/slos} and {@code /api/v1/slos/{name}}.
 *
 * <ul>
 *   <li>{@code GET /api/v1/slos/{name}}: 200 with the status JSON as stored; 404 {@code {"error":..}} for an
 *       unknown SLO; 503 with {@code Retry-After} while the owning instance cannot answer (a rebalance). The name of
 *       a split SLO answers every series ({@link SplitStatus}); a series key, percent-encoded
 *       ({@code checkout%7Bregion%3D%22eu-west%22%7D}), answers that series alone, its history too.
 *   <li>{@code GET /api/v1/slos/{name}/history}: 200 with the SLO's history JSON (see {@code status.HistoryCodec}),
 *       computed from its window buckets where they live; 404 and 503 as above.
 *   <li>{@code GET /api/v1/slos}: 200 {@code {"slos":{"<name>":<status>,...},"unavailable":[..]}} gathered
 *       from every instance, sorted by name, {@code unavailable} naming instances that did not answer; 503
 *       when none did.
 * </ul>
 * With {@code ?scope=local} both answer from this instance's stores only: how instances ask each other,
 * which can never bounce a request back and forth when their views of who owns what differ.
 */
public final class SloStatusEndpoint {

    public static final String PATH = "/api/v1/slos";
    static final String HISTORY = "/history";
    static final String LOCAL_SCOPE = "local";

    /** Wider than SLO names (DNS labels) on purpose: a name that cannot exist is a 404, not a 400. */
    private static final Pattern PLAUSIBLE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,253}");

    private final StatusSource everywhere;
    private final StatusSource here;

    /**
     * @param everywhere finds a status on whichever instance holds it
     * @param here this instance's stores only
     */
    public SloStatusEndpoint(StatusSource everywhere, StatusSource here) {
        this.everywhere = everywhere;
        this.here = here;
    }

    /** Serves the listing, each status and each history. */
    public Routes addTo(Routes routes) {
        return routes.get(PATH, this::list)
                .get(PATH + "/", this::list)
                .get(PATH + "/{name}", request -> one(request, false))
                .get(PATH + "/{name}" + HISTORY, request -> one(request, true));
    }

    private Reply list(Request request) {
        StatusListing listing = source(request).all();
        if (listing.bySlo().isEmpty() && !listing.unavailable().isEmpty()) {
            return Reply.unavailable("no status can be read right now: " + String.join("; ", listing.unavailable()));
        }
        ObjectNode body = Json.object();
        ObjectNode slos = body.putObject("slos");
        listing.bySlo().forEach((name, json) -> slos.set(name, Json.parse(json, "the stored status of " + name)));
        ArrayNode unavailable = body.putArray("unavailable");
        listing.unavailable().forEach(unavailable::add);
        return Reply.json(200, body);
    }

    private Reply one(Request request, boolean history) {
        String name = request.pathParameter("name");
        if (!isPlausible(name)) {
            return Reply.error(404, "no SLO named \"" + name + "\"");
        }
        StatusSource source = source(request);
        StatusLookup lookup = history ? source.history(name) : source.status(name);
        if (lookup instanceof StatusLookup.Found found) {
            return Reply.json(200, found.json());
        }
        if (lookup instanceof StatusLookup.Unavailable unavailable) {
            return Reply.unavailable("the status of " + name + " cannot be read right now: " + unavailable.reason());
        }
        return Reply.error(404, "no SLO named \"" + name + "\" (or no event for it yet)");
    }

    /** An SLO name, or the key of a series of one. */
    private static boolean isPlausible(String name) {
        if (!PLAUSIBLE_NAME.matcher(SeriesKey.sloOf(name)).matches()) {
            return false;
        }
        try {
            SeriesKey.parse(name);
            return true;
        } catch (IllegalArgumentException notASeriesKey) {
            return false;
        }
    }

    private StatusSource source(Request request) {
        return request.parameter("scope").filter(LOCAL_SCOPE::equals).isPresent() ? here : everywhere;
    }
}
