package dev.slopipeline.kit.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One of a few words; read as given or in any case, with other spellings that mean one of them. */
public final class Choice implements ValueType<String> {

    private final List<String> values;
    private final boolean anyCase;
    private final Map<String, String> aliases;

    private Choice(List<String> values, boolean anyCase, Map<String, String> aliases) {
        this.values = List.copyOf(values);
        this.anyCase = anyCase;
        this.aliases = Map.copyOf(aliases);
    }

    /** Exactly one of {@code values}. */
    public static Choice of(String... values) {
        return new Choice(List.of(values), false, Map.of());
    }

    /** One of {@code values} in any case, read as written here: {@code json} and {@code JSON} are {@code json}. */
    public static Choice anyCaseOf(String... values) {
        return new Choice(List.of(values), true, Map.of());
    }

    /** Also reads {@code spelling} (in any case, if this choice is) as {@code value}, e.g. WARNING as WARN. */
    public Choice withAlias(String spelling, String value) {
        if (!values.contains(value)) {
            throw new IllegalArgumentException(value + " is not one of " + values);
        }
        Map<String, String> more = new LinkedHashMap<>(aliases);
        more.put(spelling, value);
        return new Choice(values, anyCase, more);
    }

    public List<String> values() {
        return values;
    }

    @Override
    public String parse(String text) {
        return find(text, values).or(() -> find(text, aliases.keySet()).map(aliases::get))
                .orElseThrow(() -> new IllegalArgumentException("must be " + accepted()));
    }

    /** {@code a, b or c}, then how else they may be written. */
    public String accepted() {
        String list = values.size() == 1 ? values.get(0)
                : String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
        List<String> notes = new ArrayList<>();
        if (anyCase) {
            notes.add("in any case");
        }
        aliases.forEach((spelling, value) -> notes.add(spelling + " means " + value));
        return notes.isEmpty() ? list : list + " (" + String.join("; ", notes) + ")";
    }

    private Optional<String> find(String text, Collection<String> candidates) {
        return candidates.stream()
                .filter(candidate -> anyCase ? candidate.toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT))
                        : candidate.equals(text))
                .findFirst();
    }
}
