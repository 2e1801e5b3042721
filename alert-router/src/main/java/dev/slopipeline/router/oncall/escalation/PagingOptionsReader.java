package dev.slopipeline.router.oncall.escalation;

import dev.slopipeline.definitions.model.DurationSyntax;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import dev.slopipeline.router.oncall.schedule.ContactType;
import dev.slopipeline.router.secret.Secret;
import dev.slopipeline.router.secret.SecretFields;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code paging} section ({@link PagingOptions}); receivers and policies it names must exist. */
final class PagingOptionsReader {

    private final Problems problems;
    private final Set<String> policies;
    private final Optional<Set<String>> receivers;

    /** @param receivers the declared receivers, or empty to leave receiver names unchecked */
    PagingOptionsReader(Problems problems, Set<String> policies, Optional<Set<String>> receivers) {
        this.problems = problems;
        this.policies = policies;
        this.receivers = receivers;
    }

    PagingOptions read(YamlMap root) {
        return root.get("paging").flatMap(node -> node.asMap(problems, "\"paging\"")).map(this::options)
                .orElse(PagingOptions.NONE);
    }

    private PagingOptions options(YamlMap paging) {
        Map<String, String> policyByReceiver = new LinkedHashMap<>();
        paging.get("receivers").flatMap(node -> node.asMap(problems, paging.describe("receivers"))).ifPresent(map -> {
            for (String receiver : map.fieldNames()) {
                YamlNode value = map.get(receiver).orElseThrow();
                checkReceiver(receiver, map.keyLocation(receiver), map.describe(receiver));
                value.asString(problems, map.describe(receiver)).ifPresent(policy -> {
                    if (!policies.contains(policy)) {
                        problems.error(value.location(), map.describe(receiver) + " names escalation policy \"" + policy
                                + "\", which is not declared; declared: " + String.join(", ", policies));
                    } else {
                        policyByReceiver.put(receiver, policy);
                    }
                });
            }
        });
        Map<ContactType, String> receiverByContact = new EnumMap<>(ContactType.class);
        paging.get("contacts").flatMap(node -> node.asMap(problems, paging.describe("contacts"))).ifPresent(map -> {
            for (String type : map.fieldNames()) {
                Optional<ContactType> contactType = ContactType.fromWireName(type);
                if (contactType.isEmpty()) {
                    problems.error(map.keyLocation(type), "\"" + type + "\" in " + map.what()
                            + " is not a contact type; expected one of " + String.join(", ", ContactType.wireNames()));
                }
                map.get(type).orElseThrow().asString(problems, map.describe(type)).ifPresent(receiver -> {
                    checkReceiver(receiver, map.get(type).orElseThrow().location(), map.describe(type));
                    contactType.ifPresent(known -> receiverByContact.put(known, receiver));
                });
            }
            map.rejectUnknownFields();
        });
        Optional<PagingOptions.AckLinks> ackLinks = paging.get("ack_links")
                .flatMap(node -> node.asMap(problems, paging.describe("ack_links"))).flatMap(this::ackLinks);
        paging.rejectUnknownFields();
        return new PagingOptions(policyByReceiver, receiverByContact, ackLinks);
    }

    private Optional<PagingOptions.AckLinks> ackLinks(YamlMap map) {
        if (!map.has("secret_env") && !map.has("secret_file")) {
            problems.error(map.location(), map.what() + " needs the HMAC key that signs the links: \"secret_env\" "
                    + "(an environment variable) or \"secret_file\" (a file); never the secret itself");
        }
        Optional<Secret> secret = SecretFields.fileOrEnvironment(map, "secret_file", "secret_env",
                PagingOptions.AckLinks::keyRefusal);
        Duration validFor = map.get("valid_for").flatMap(node -> node.asText(problems, map.describe("valid_for"))
                .flatMap(text -> validFor(node, map.describe("valid_for"), text)))
                .orElse(PagingOptions.AckLinks.DEFAULT_VALID_FOR);
        map.rejectUnknownFields();
        return secret.map(key -> new PagingOptions.AckLinks(key, validFor));
    }

    private Optional<Duration> validFor(YamlNode node, String what, String text) {
        Duration duration;
        try {
            duration = DurationSyntax.parse(text);
        } catch (IllegalArgumentException e) {
            problems.error(node.location(), what + ": " + e.getMessage());
            return Optional.empty();
        }
        if (duration.compareTo(PagingOptions.AckLinks.MAX_VALID_FOR) > 0) {
            problems.error(node.location(), what + " must be at most 7d, got " + text
                    + ": whoever holds a link acknowledges as its person for that long");
            return Optional.empty();
        }
        return Optional.of(duration);
    }

    private void checkReceiver(String receiver, dev.slopipeline.kit.yaml.SourceLocation where, String what) {
        receivers.filter(declared -> !declared.contains(receiver)).ifPresent(declared ->
                problems.error(where, what + ": receiver \"" + receiver + "\" is not declared under \"receivers\""));
    }
}
