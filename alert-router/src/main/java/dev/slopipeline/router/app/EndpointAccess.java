package dev.slopipeline.router.app;

/** What a caller must show to use an endpoint of the router's API; {@link ApiRoutes} holds which endpoint needs which. */
enum EndpointAccess {
    /** Anyone: probes and scrapers carry no token. */
    OPEN,
    /** Anyone holding a link the router signed: the link is the credential, for one incident and one person. */
    SIGNED_LINK,
    /** Personal or operational detail: a read or write token whenever the router has any token. */
    READ,
    /** A write token, always. */
    WRITE;
}
