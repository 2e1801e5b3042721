package dev.slopipeline.ui;

import dev.slopipeline.kit.http.Guard;
import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Refuses what a page on another site could make a browser send: a request for a host name the UI does not serve
 * (DNS rebinding: a name of the attacker's that resolves to this machine), and a write whose {@code Origin} is
 * another site. Without it, a page anywhere could drive a local demo's UI and its write token.
 *
 * <p>Served names: {@code localhost}, any IP address (a browser sends one only when the user typed it, never for a
 * name that rebinds), and the names the UI was given. A request without {@code Host} or, for a write, without
 * {@code Origin} comes from no browser and passes.
 */
final class HostAndOrigin implements Guard {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Set<String> names = new TreeSet<>();

    HostAndOrigin(Collection<String> served) {
        names.add("localhost");
        served.forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public Optional<Reply> refusal(Request request) {
        Optional<String> host = request.header("Host");
        if (host.isPresent() && !serves(hostName(host.get()))) {
            return Optional.of(Reply.error(403, "this UI answers for localhost, IP addresses and " + names
                    + ", not \"" + host.get() + "\"; start it with that name (ui.host for slo run) to serve it"));
        }
        boolean write = !request.method().equals("GET") && !request.method().equals("HEAD");
        Optional<String> origin = request.header("Origin");
        if (write && origin.isPresent() && !sameAuthority(origin.get(), host.orElse(""))) {
            return Optional.of(Reply.error(403, "a write must come from this UI's own page, not from "
                    + origin.get()));
        }
        return Optional.empty();
    }

    private boolean serves(String name) {
        return names.contains(name) || IPV4.matcher(name).matches() || name.startsWith("[");
    }

    /** The host of a {@code Host} header, without its port, in lower case; an IPv6 address keeps its brackets. */
    private static String hostName(String header) {
        String host = header.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** Whether the page that sent the request ({@code Origin}) is on this very host and port. */
    private static boolean sameAuthority(String origin, String host) {
        try {
            String authority = URI.create(origin.trim()).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host.trim());
        } catch (IllegalArgumentException notAUri) {
            // "null" from a sandboxed page or a file, or garbage: another site either way
            return false;
        }
    }
}
