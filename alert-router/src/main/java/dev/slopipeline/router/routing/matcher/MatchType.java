package dev.slopipeline.router.routing.matcher;

/** The four label comparisons of Alertmanager (and PromQL selectors). */
public enum MatchType {
    EQUAL("="),
    NOT_EQUAL("!="),
    REGEX("=~"),
    NOT_REGEX("!~");

    private final String operator;

    MatchType(String operator) {
        this.operator = operator;
    }

    /** The operator as written: {@code =}, {@code !=}, {@code =~} or {@code !~}. */
    public String operator() {
        return operator;
    }

    public boolean isRegex() {
        return this == REGEX || this == NOT_REGEX;
    }
}
