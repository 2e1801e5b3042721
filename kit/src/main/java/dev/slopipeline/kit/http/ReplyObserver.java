package dev.slopipeline.kit.http;

/** Told of every reply before it is sent, to count requests; must not block. */
@FunctionalInterface
public interface ReplyObserver {

    ReplyObserver NONE = (route, status) -> {
    };

    /**
     * @param route the template of the route the request matched ({@code /api/v1/slos/{name}}), or
     *              {@link Routes#UNMATCHED}
     */
    void replied(String route, int status);
}
