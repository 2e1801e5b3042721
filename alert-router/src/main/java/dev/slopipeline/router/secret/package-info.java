/**
 * Where credentials live ({@link dev.slopipeline.router.secret.Secret}), how a config names them
 * ({@link dev.slopipeline.router.secret.SecretFields}: in the config, in a file, in the environment) and how they are
 * shown when shown at all ({@link dev.slopipeline.router.secret.Redacted}). Read by the config, used by delivery
 * (signatures, routing keys, webhook URLs) and on-call (acknowledgement links, the heartbeat ping). A leaf: it imports
 * nothing of the router.
 */
package dev.slopipeline.router.secret;
