package dev.slopipeline.router.oncall.schedule;

import java.util.Objects;

/**
 * One way to reach a person.
 *
 * @param address what the channel needs: an email address, a Slack handle or channel, a PagerDuty
 *     routing key, a webhook URL
 */
public record Contact(ContactType type, String address) {

    public Contact {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(address, "address");
    }
}
