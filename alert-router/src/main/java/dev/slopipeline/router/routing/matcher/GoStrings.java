package dev.slopipeline.router.routing.matcher;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Go's double-quoted string literals, which Alertmanager uses for quoted matcher values and in the
 * keys it prints ({@code strconv.Quote} and {@code strconv.Unquote}).
 */
public final class GoStrings {

    private GoStrings() {
    }

    /** The text as a Go string literal: {@code "a\"b\n"}; non-printable characters escaped. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(cp -> appendQuoted(out, cp));
        return out.append('"').toString();
    }

    private static void appendQuoted(StringBuilder out, int cp) {
        switch (cp) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0B -> out.append("\\v");
            default -> {
                if (isPrintable(cp)) {
                    out.appendCodePoint(cp);
                } else if (cp < 0x80) {
                    out.append(String.format("\\x%02x", cp));
                } else if (cp < 0x10000) {
                    out.append(String.format("\\u%04x", cp));
                } else {
                    out.append(String.format("\\U%08x", cp));
                }
            }
        }
    }

    /** Close to Go's {@code unicode.IsPrint}: graphic characters and the ASCII space. */
    private static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /**
     * Reads a Go double-quoted literal, escapes included ({@code \n}, {@code \"}, {@code \\},
     * {@code \x41}, {@code \101}, {@code \u00e9}, {@code \U0001f642}, ...).
     *
     * @throws IllegalArgumentException saying which escape or byte is wrong
     */
    public static String unquote(String literal) {
        if (literal.length() < 2 || literal.charAt(0) != '"' || literal.charAt(literal.length() - 1) != '"') {
            throw new IllegalArgumentException("not a double-quoted string");
        }
        String body = literal.substring(1, literal.length() - 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length());
        int i = 0;
        while (i < body.length()) {
            int cp = body.codePointAt(i);
            if (cp == '\n') {
                throw new IllegalArgumentException("a line break inside quotes must be written as \\n");
            }
            if (cp == '"') {
                throw new IllegalArgumentException("a double quote inside quotes must be written as \\\"");
            }
            if (cp != '\\') {
                writeUtf8(bytes, cp);
                i += Character.charCount(cp);
                continue;
            }
            i = unescape(body, i + 1, bytes);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the escaped bytes are not valid UTF-8");
        }
    }

    /** Reads the escape whose letter is at {@code at}; returns the index after it. */
    private static int unescape(String body, int at, ByteArrayOutputStream bytes) {
        if (at >= body.length()) {
            throw new IllegalArgumentException("a backslash at the end must be written as \\\\");
        }
        char kind = body.charAt(at);
        switch (kind) {
            case 'a' -> bytes.write(0x07);
            case 'b' -> bytes.write('\b');
            case 'f' -> bytes.write('\f');
            case 'n' -> bytes.write('\n');
            case 'r' -> bytes.write('\r');
            case 't' -> bytes.write('\t');
            case 'v' -> bytes.write(0x0B);
            case '\\', '"' -> bytes.write(kind);
            case 'x' -> {
                bytes.write(hex(body, at + 1, 2));
                return at + 3;
            }
            case 'u' -> {
                writeUtf8(bytes, codePoint(body, at + 1, 4));
                return at + 5;
            }
            case 'U' -> {
                writeUtf8(bytes, codePoint(body, at + 1, 8));
                return at + 9;
            }
            default -> {
                if (kind >= '0' && kind <= '7') {
                    bytes.write(octal(body, at));
                    return at + 3;
                }
                throw new IllegalArgumentException("invalid escape \\" + new String(Character.toChars(body.codePointAt(at)))
                        + " (write \\\\ for a backslash, e.g. \"\\\\d+\" for a regex digit)");
            }
        }
        return at + 1;
    }

    private static int hex(String body, int from, int digits) {
        if (from + digits > body.length()) {
            throw new IllegalArgumentException("escape \\" + body.charAt(from - 1) + " needs " + digits + " hex digits");
        }
        try {
            return Integer.parseUnsignedInt(body.substring(from, from + digits), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("escape \\" + body.charAt(from - 1) + " needs " + digits + " hex digits, got \""
                    + body.substring(from, from + digits) + "\"");
        }
    }

    private static int codePoint(String body, int from, int digits) {
        int cp = hex(body, from, digits);
        if (cp > Character.MAX_CODE_POINT || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
            throw new IllegalArgumentException("escape \\" + body.charAt(from - 1) + body.substring(from, from + digits)
                    + " is not a Unicode character");
        }
        return cp;
    }

    private static int octal(String body, int from) {
        String digits = body.length() >= from + 3 ? body.substring(from, from + 3) : body.substring(from);
        if (!digits.matches("[0-7]{3}") || Integer.parseInt(digits, 8) > 0xFF) {
            throw new IllegalArgumentException("octal escape \\" + digits + " needs 3 octal digits up to \\377");
        }
        return Integer.parseInt(digits, 8);
    }

    private static void writeUtf8(ByteArrayOutputStream bytes, int cp) {
        bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
    }
}
