package dev.slopipeline.router.delivery;

import java.util.List;

/**
 * What delivery reads of the router config: the receivers with their channels, and how deliveries are retried. The
 * router config implements it; delivery declares what it needs here, so it does not depend on the whole config with
 * the other rooms' sections in it.
 */
public interface DeliveryConfig {

    List<ReceiverConfig> receivers();

    /** The {@code delivery} section, or {@link RetryPolicy#DEFAULT} when there is none. */
    RetryPolicy retryPolicy();
}
