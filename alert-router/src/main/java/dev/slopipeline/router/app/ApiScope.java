package dev.slopipeline.router.app;

/** What an API token may do; a write token may also read. */
public enum ApiScope {
    READ,
    WRITE;

    boolean allows(ApiScope needed) {
        return this == WRITE || needed == READ;
    }
}
