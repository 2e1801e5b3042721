package dev.slopipeline.router.app;

/**
 * A request as a handler sees it, its body already read within the size limit.
 *
 * @param path          decoded, without the query
 * @param authorization the {@code Authorization} header, or null
 */
record ApiRequest(String method, String path, String authorization, byte[] body) {
}
