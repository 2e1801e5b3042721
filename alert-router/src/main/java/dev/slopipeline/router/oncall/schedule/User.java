package dev.slopipeline.router.oncall.schedule;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A person who can be paged.
 *
 * @param timeZone where the person lives: out-of-hours pages are counted in it
 * @param contacts every one of them is notified on each page, in this order
 */
public record User(String name, ZoneId timeZone, List<Contact> contacts) {

    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeZone, "timeZone");
        contacts = List.copyOf(contacts);
        if (contacts.isEmpty()) {
            throw new IllegalArgumentException("user " + name + " has no contact");
        }
    }
}
