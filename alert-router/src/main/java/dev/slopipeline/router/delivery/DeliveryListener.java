package dev.slopipeline.router.delivery;

/** Hears every delivery outcome; called on the dispatcher's thread, so it should hand off rather than block. */
@FunctionalInterface
public interface DeliveryListener {

    DeliveryListener NONE = outcome -> { };

    void onOutcome(DeliveryOutcome outcome);
}
