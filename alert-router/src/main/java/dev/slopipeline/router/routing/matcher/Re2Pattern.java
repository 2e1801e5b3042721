package dev.slopipeline.router.routing.matcher;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles Alertmanager's regular expressions (Go's RE2 syntax) with {@link java.util.regex}. The two
 * dialects agree on everything a matcher normally uses; where they differ, the expression is either
 * rewritten to mean what Go means, or refused, so that one config routes the same in both:
 * <ul>
 *   <li>{@code $} ends the text in Go, while Java also lets it match before a final line break;</li>
 *   <li>{@code .} stops only at {@code \n} in Go, at any line terminator in Java;</li>
 *   <li>{@code [[:alpha:]]} is a POSIX class in Go, a nested set of letters in Java;</li>
 *   <li>{@code (?P<name>...)} is Go's spelling of a named group;</li>
 *   <li>look-around, back-references and possessive quantifiers exist only in Java.</li>
 * </ul>
 */
final class Re2Pattern {

    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
            Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"), Map.entry("ascii", "\\p{ASCII}"),
            Map.entry("blank", "\\p{Blank}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "\\p{Digit}"),
            Map.entry("graph", "\\p{Graph}"), Map.entry("lower", "\\p{Lower}"), Map.entry("print", "\\p{Print}"),
            Map.entry("punct", "\\p{Punct}"), Map.entry("space", "\\p{Space}"), Map.entry("upper", "\\p{Upper}"),
            Map.entry("word", "\\w"), Map.entry("xdigit", "\\p{XDigit}"));

    private Re2Pattern() {
    }

    /**
     * The expression anchored at both ends, as Alertmanager compiles {@code ^(?:re)$}; use
     * {@link java.util.regex.Matcher#find()} on it.
     *
     * @throws IllegalArgumentException saying what is wrong with the expression
     */
    static Pattern compileAnchored(String re2) {
        String java = translate(re2);
        try {
            return Pattern.compile("\\A(?:" + java + ")\\z", Pattern.UNIX_LINES);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "invalid regular expression \"" + re2 + "\": " + e.getDescription().toLowerCase(Locale.ROOT));
        }
    }

    static String translate(String re) {
        StringBuilder out = new StringBuilder(re.length() + 8);
        boolean inClass = false;
        boolean multiline = false;
        boolean afterQuantifier = false;
        int i = 0;
        while (i < re.length()) {
            char c = re.charAt(i);
            if (c == '\\') {
                i = copyEscape(re, i, inClass, out);
                afterQuantifier = false;
                continue;
            }
            if (inClass) {
                if (re.startsWith("[:", i)) {
                    i = copyPosixClass(re, i, out);
                    continue;
                }
                if (c == '[' || c == '&') {
                    // literal in RE2; nesting and intersection in Java
                    out.append('\\');
                } else if (c == ']') {
                    inClass = false;
                }
                out.append(c);
                i++;
                continue;
            }
            if (c == '[') {
                inClass = true;
                out.append(c);
                i++;
                if (i < re.length() && re.charAt(i) == '^') {
                    out.append('^');
                    i++;
                }
                if (i < re.length() && re.charAt(i) == ']') {
                    // a leading ] is a literal in RE2
                    out.append("\\]");
                    i++;
                }
                afterQuantifier = false;
                continue;
            }
            if (c == '(' && re.startsWith("(?", i)) {
                refuseJavaOnlyGroup(re, i);
                if (re.startsWith("(?P<", i)) {
                    out.append("(?<");
                    i += 4;
                    continue;
                }
                multiline |= setsMultiline(re, i + 2);
            }
            if (c == '+' && afterQuantifier) {
                throw new IllegalArgumentException("invalid regular expression \"" + re
                        + "\": possessive quantifiers such as *+ are not part of Go's RE2 syntax");
            }
            if (c == '$' && !multiline) {
                out.append("\\z");
            } else {
                out.append(c);
            }
            afterQuantifier = c == '*' || c == '+' || c == '?' || c == '}';
            i++;
        }
        return out.toString();
    }

    private static int copyEscape(String re, int at, boolean inClass, StringBuilder out) {
        if (at + 1 >= re.length()) {
            throw new IllegalArgumentException("invalid regular expression \"" + re + "\": trailing backslash");
        }
        char next = re.charAt(at + 1);
        if (!inClass && ((next >= '1' && next <= '9') || next == 'k')) {
            throw new IllegalArgumentException("invalid regular expression \"" + re
                    + "\": back-references such as \\" + next + " are not part of Go's RE2 syntax");
        }
        if (next == 'Q') {
            int end = re.indexOf("\\E", at + 2);
            int stop = end < 0 ? re.length() : end + 2;
            out.append(re, at, stop);
            return stop;
        }
        out.append('\\').append(next);
        return at + 2;
    }

    private static int copyPosixClass(String re, int at, StringBuilder out) {
        int end = re.indexOf(":]", at + 2);
        if (end < 0) {
            out.append("\\[");
            return at + 1;
        }
        String name = re.substring(at + 2, end);
        boolean negated = name.startsWith("^");
        String java = POSIX_CLASSES.get(negated ? name.substring(1) : name);
        if (java == null) {
            throw new IllegalArgumentException("invalid regular expression \"" + re + "\": unknown character class [:" + name
                    + ":]; known: " + String.join(", ", new TreeSet<>(POSIX_CLASSES.keySet())));
        }
        if (negated) {
            java = java.equals("\\w") ? "\\W" : "\\P" + java.substring(2);
        }
        out.append(java);
        return end + 2;
    }

    private static void refuseJavaOnlyGroup(String re, int at) {
        for (String lookaround : new String[] {"(?=", "(?!", "(?<=", "(?<!", "(?>"}) {
            if (re.startsWith(lookaround, at)) {
                throw new IllegalArgumentException("invalid regular expression \"" + re + "\": " + lookaround
                        + "...) is not part of Go's RE2 syntax (no look-around or atomic groups)");
            }
        }
    }

    /** Whether the flag group at {@code from} (just after {@code (?}) turns on {@code m}. */
    private static boolean setsMultiline(String re, int from) {
        for (int i = from; i < re.length(); i++) {
            char flag = re.charAt(i);
            if (flag == 'm') {
                return true;
            }
            if (flag == '-' || flag == ':' || flag == ')' || !Character.isLetter(flag)) {
                return false;
            }
        }
        return false;
    }
}
