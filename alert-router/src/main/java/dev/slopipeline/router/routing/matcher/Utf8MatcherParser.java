package dev.slopipeline.router.routing.matcher;

import dev.slopipeline.router.routing.matcher.MatcherLexer.Kind;
import dev.slopipeline.router.routing.matcher.MatcherLexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Alertmanager's UTF-8 matcher syntax (0.27 and later): {@code name op value} separated by commas,
 * optionally inside one pair of braces, with a trailing comma allowed. Names and values are unquoted
 * literals or Go double-quoted strings.
 */
final class Utf8MatcherParser {

    private final MatcherLexer lexer;

    private Utf8MatcherParser(String input) {
        this.lexer = new MatcherLexer(input);
    }

    /** @throws MatcherSyntaxException at the first token that does not fit the grammar */
    static List<Matcher> parse(String input) {
        return new Utf8MatcherParser(input).matchers();
    }

    private List<Matcher> matchers() {
        Token open = lexer.peek();
        boolean braces = open.is(Kind.OPEN_BRACE);
        if (braces) {
            lexer.next();
        }
        List<Matcher> result = new ArrayList<>();
        while (!lexer.peek().is(Kind.EOF, Kind.CLOSE_BRACE)) {
            result.add(matcher());
            Token after = lexer.peek();
            if (after.is(Kind.COMMA)) {
                lexer.next();
            } else if (!after.is(Kind.EOF, Kind.CLOSE_BRACE)) {
                throw error(after, "expected \",\" or \"}\" after a matcher, got " + describe(after)
                        + " (values containing white space must be double-quoted)");
            }
        }
        Token end = lexer.next();
        if (braces) {
            if (!end.is(Kind.CLOSE_BRACE)) {
                throw error(end, "the \"{\" at character " + lexer.positionOf(open.start()) + " is never closed; add \"}\" at the end");
            }
            end = lexer.next();
        } else if (end.is(Kind.CLOSE_BRACE)) {
            throw error(end, "unexpected \"}\" with no \"{\" before it; use both braces or neither");
        }
        if (!end.is(Kind.EOF)) {
            throw error(end, "unexpected " + describe(end) + " after the closing \"}\"");
        }
        return result;
    }

    private Matcher matcher() {
        Token nameToken = lexer.next();
        if (!nameToken.is(Kind.QUOTED, Kind.UNQUOTED)) {
            throw error(nameToken, "expected a label name, got " + describe(nameToken));
        }
        String name = text(nameToken);
        if (name.isEmpty()) {
            throw error(nameToken, "the label name is empty");
        }
        Token op = lexer.next();
        MatchType type = operator(op);
        if (type == null) {
            throw error(op, "expected an operator (=, !=, =~ or !~) after the label name \"" + name + "\", got " + describe(op));
        }
        Token valueToken = lexer.next();
        if (!valueToken.is(Kind.QUOTED, Kind.UNQUOTED)) {
            throw error(valueToken, "expected a value after \"" + name + op.text() + "\", got " + describe(valueToken)
                    + "; write " + name + op.text() + "\"\" to compare with the empty string");
        }
        String value = text(valueToken);
        try {
            return Matcher.of(type, name, value);
        } catch (IllegalArgumentException e) {
            throw error(valueToken, e.getMessage());
        }
    }

    private static MatchType operator(Token token) {
        switch (token.kind()) {
            case EQUALS:
                return MatchType.EQUAL;
            case NOT_EQUALS:
                return MatchType.NOT_EQUAL;
            case MATCHES:
                return MatchType.REGEX;
            case NOT_MATCHES:
                return MatchType.NOT_REGEX;
            default:
                return null;
        }
    }

    private String text(Token token) {
        if (token.is(Kind.UNQUOTED)) {
            return token.text();
        }
        try {
            return GoStrings.unquote(token.text());
        } catch (IllegalArgumentException e) {
            throw error(token, "cannot read the quoted string " + token.text() + ": " + e.getMessage());
        }
    }

    private static String describe(Token token) {
        return token.is(Kind.EOF) ? "the end of the text" : "\"" + token.text() + "\"";
    }

    private MatcherSyntaxException error(Token token, String reason) {
        return new MatcherSyntaxException(lexer.positionOf(token.start()), reason);
    }
}
