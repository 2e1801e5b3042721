/**
 * Where credentials live ({@link dev.slopipeline.router.secret.Secret}): read by the config, used by delivery
 * (signatures, routing keys) and on-call (acknowledgement links). A leaf: it imports nothing of the router.
 */
package dev.slopipeline.router.secret;
