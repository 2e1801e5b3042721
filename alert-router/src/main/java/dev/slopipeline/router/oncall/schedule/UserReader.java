package dev.slopipeline.router.oncall.schedule;

import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the {@code users} section. */
final class UserReader {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final DeclaredNames names;
    private final Problems problems;

    UserReader(DeclaredNames names, Problems problems) {
        this.names = names;
        this.problems = problems;
    }

    Map<String, User> read(YamlMap root) {
        Map<String, User> users = new LinkedHashMap<>();
        root.get("users").flatMap(node -> node.asList(problems, "\"users\"")).ifPresent(items -> {
            for (int i = 0; i < items.size(); i++) {
                YamlNode item = items.get(i);
                String label = Entries.label("user", item, i);
                item.asMap(problems, label).flatMap(this::user).ifPresent(user -> users.put(user.name(), user));
            }
        });
        return users;
    }

    private Optional<User> user(YamlMap map) {
        int errorsBefore = problems.errorCount();
        Optional<String> name = Entries.declaredName(map, names);
        Optional<ZoneId> zone = map.require("time_zone")
                .flatMap(node -> TimeSyntax.zone(node, map.describe("time_zone"), problems));
        List<Contact> contacts = map.require("contacts").map(node -> contacts(node, map)).orElse(List.of());
        map.rejectUnknownFields();
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new User(name.orElseThrow(), zone.orElseThrow(), contacts));
    }

    private List<Contact> contacts(YamlNode node, YamlMap user) {
        List<Contact> contacts = new ArrayList<>();
        node.asList(problems, user.describe("contacts")).ifPresent(items -> {
            if (items.isEmpty()) {
                problems.error(node.location(), user.what() + " needs at least one contact, or pages to them reach nobody");
            }
            for (int i = 0; i < items.size(); i++) {
                String label = "contact " + (i + 1) + " of " + user.what();
                items.get(i).asMap(problems, label).flatMap(this::contact).ifPresent(contacts::add);
            }
        });
        return contacts;
    }

    private Optional<Contact> contact(YamlMap map) {
        Optional<ContactType> type = map.require("type").flatMap(node -> node.asString(problems, map.describe("type"))
                .flatMap(text -> {
                    Optional<ContactType> known = ContactType.fromWireName(text);
                    if (known.isEmpty()) {
                        problems.error(node.location(), map.describe("type") + " must be one of "
                                + String.join(", ", ContactType.wireNames()) + ", got \"" + text + "\"");
                    }
                    return known;
                }));
        Optional<String> address = map.require("address").flatMap(node -> node.asString(problems, map.describe("address"))
                .filter(text -> type.isEmpty() || addressFits(type.get(), text, node, map.describe("address"))));
        map.rejectUnknownFields();
        return type.isPresent() && address.isPresent() ? Optional.of(new Contact(type.get(), address.get())) : Optional.empty();
    }

    private boolean addressFits(ContactType type, String address, YamlNode node, String what) {
        String expected = switch (type) {
            case EMAIL -> EMAIL.matcher(address).matches() ? null : "an email address such as alice@example.com";
            case WEBHOOK -> isHttpUrl(address) ? null : "an http or https URL";
            case SLACK, PAGERDUTY -> address.isBlank() ? "not empty" : null;
        };
        if (expected != null) {
            problems.error(node.location(), what + " must be " + expected + " for a " + type.wireName() + " contact, got \"" + address + "\"");
        }
        return expected == null;
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
