package dev.slopipeline.definitions.yaml;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for {@code metadata.name}: DNS-label-like, because names become Kafka record keys, label
 * values and URL path parts, where case, spaces and dots cause trouble.
 */
public final class Names {

    private static final int MAX_LENGTH = 63;
    private static final Pattern VALID = Pattern.compile("[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    private Names() {
    }

    public static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /** Why the name is refused, with a corrected name when one can be derived; empty when it is valid. */
    public static Optional<String> problemWith(String name) {
        if (isValid(name)) {
            return Optional.empty();
        }
        String message = "name \"" + name + "\" is not valid: use 1 to 63 lowercase letters, digits and \"-\", "
                + "starting with a letter and not ending with \"-\"";
        String corrected = corrected(name);
        return Optional.of(corrected.isEmpty() ? message : message + ", e.g. \"" + corrected + "\"");
    }

    private static String corrected(String name) {
        String dashed = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceFirst("^[^a-z]+", "");
        String cut = dashed.length() > MAX_LENGTH ? dashed.substring(0, MAX_LENGTH) : dashed;
        return cut.replaceFirst("-+$", "");
    }
}
