package dev.slopipeline.router.routing.matcher;

/**
 * Splits matcher text into tokens under Alertmanager's UTF-8 matcher grammar: braces, commas,
 * operators, double-quoted strings and unquoted literals (any run of characters that are neither
 * white space nor one of <code>{ } ! = ~ , \ " ' `</code>).
 */
final class MatcherLexer {

    enum Kind { EOF, OPEN_BRACE, CLOSE_BRACE, COMMA, EQUALS, NOT_EQUALS, MATCHES, NOT_MATCHES, QUOTED, UNQUOTED }

    /** A token; {@code start} and {@code end} are char offsets into the input. */
    record Token(Kind kind, String text, int start, int end) {

        boolean is(Kind... kinds) {
            for (Kind k : kinds) {
                if (kind == k) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final String RESERVED = "{}!=~,\\\"'`";

    private final String input;
    private int pos;
    private Token peeked;

    MatcherLexer(String input) {
        this.input = input;
    }

    static boolean isReserved(int cp) {
        return isSpace(cp) || RESERVED.indexOf(cp) >= 0;
    }

    /** Go's {@code unicode.IsSpace}. */
    static boolean isSpace(int cp) {
        return cp == '\t' || cp == '\n' || cp == 0x0B || cp == '\f' || cp == '\r' || cp == 0x85 || Character.isSpaceChar(cp);
    }

    /** The 1-based character position of a char offset, for messages. */
    int positionOf(int offset) {
        return input.codePointCount(0, Math.min(offset, input.length())) + 1;
    }

    Token peek() {
        if (peeked == null) {
            peeked = scan();
        }
        return peeked;
    }

    Token next() {
        Token token = peek();
        peeked = null;
        return token;
    }

    private Token scan() {
        while (pos < input.length()) {
            int cp = input.codePointAt(pos);
            int start = pos;
            switch (cp) {
                case '{':
                    return single(Kind.OPEN_BRACE);
                case '}':
                    return single(Kind.CLOSE_BRACE);
                case ',':
                    return single(Kind.COMMA);
                case '=':
                case '!':
                    return operator();
                case '"':
                    return quoted();
                default:
                    if (isSpace(cp)) {
                        pos += Character.charCount(cp);
                    } else if (!isReserved(cp)) {
                        return unquoted();
                    } else {
                        throw new MatcherSyntaxException(positionOf(start), "unexpected " + quoteChar(cp)
                                + hintFor(cp));
                    }
            }
        }
        return new Token(Kind.EOF, "", pos, pos);
    }

    private static String hintFor(int cp) {
        if (cp == '~') {
            return "; the regex operators are =~ and !~";
        }
        return ": label names and values containing white space or any of {}!=~,\\\"'` must be double-quoted";
    }

    private Token single(Kind kind) {
        pos++;
        return new Token(kind, input.substring(pos - 1, pos), pos - 1, pos);
    }

    private Token operator() {
        int start = pos;
        char first = input.charAt(pos++);
        boolean tilde = pos < input.length() && input.charAt(pos) == '~';
        if (first == '!') {
            if (pos < input.length() && input.charAt(pos) == '=') {
                pos++;
                return new Token(Kind.NOT_EQUALS, "!=", start, pos);
            }
            if (tilde) {
                pos++;
                return new Token(Kind.NOT_MATCHES, "!~", start, pos);
            }
            throw new MatcherSyntaxException(positionOf(start), "\"!\" must be followed by \"=\" or \"~\" (the operators are =, !=, =~ and !~)");
        }
        if (tilde) {
            pos++;
            return new Token(Kind.MATCHES, "=~", start, pos);
        }
        return new Token(Kind.EQUALS, "=", start, pos);
    }

    private Token quoted() {
        int start = pos++;
        boolean escaped = false;
        while (pos < input.length()) {
            char c = input.charAt(pos++);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                return new Token(Kind.QUOTED, input.substring(start, pos), start, pos);
            }
        }
        throw new MatcherSyntaxException(positionOf(start), "the double quote opened here is never closed");
    }

    private Token unquoted() {
        int start = pos;
        while (pos < input.length()) {
            int cp = input.codePointAt(pos);
            if (isReserved(cp)) {
                break;
            }
            pos += Character.charCount(cp);
        }
        return new Token(Kind.UNQUOTED, input.substring(start, pos), start, pos);
    }

    static String quoteChar(int cp) {
        return "\"" + new String(Character.toChars(cp)) + "\"";
    }
}
