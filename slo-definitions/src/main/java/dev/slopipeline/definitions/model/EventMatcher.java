package dev.slopipeline.definitions.model;

import java.util.Map;
import java.util.Objects;

/**
 * Selects events for a journey: the emitting service, optionally its operation (for request events)
 * or check (for health events), and optionally attributes that must be equal.
 *
 * @param operation null selects every operation or check of the service
 */
public record EventMatcher(String service, TextMatcher operation, Map<String, String> attributes) {

    public EventMatcher {
        Objects.requireNonNull(service, "service");
        attributes = Map.copyOf(attributes);
    }

    public boolean matches(String eventService, String eventOperation, Map<String, String> eventAttributes) {
        if (!service.equals(eventService)) {
            return false;
        }
        if (operation != null && !operation.matches(eventOperation)) {
            return false;
        }
        for (Map.Entry<String, String> required : attributes.entrySet()) {
            if (!required.getValue().equals(eventAttributes.get(required.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
