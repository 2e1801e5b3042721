package dev.slopipeline.router.oncall.schedule;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The channels a person can be reached through; the dispatcher owns the delivery for each. */
public enum ContactType {
    EMAIL, SLACK, PAGERDUTY, WEBHOOK;

    /** The lowercase name used in YAML and on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ContactType> fromWireName(String text) {
        return Arrays.stream(values()).filter(type -> type.wireName().equals(text)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(ContactType::wireName).toList();
    }
}
