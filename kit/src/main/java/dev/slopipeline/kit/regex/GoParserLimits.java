package dev.slopipeline.kit.regex;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The limits Go's regexp parser enforces and RE2/J does not, checked on the text before RE2/J sees it:
 * <ul>
 *   <li>counted repetitions nested in each other make at most {@value #MAX_COPIES} copies of what they repeat:
 *       Go refuses {@code (a{100}){100}}, which RE2/J would unroll into ten thousand instructions;</li>
 *   <li>the expression nests at most {@value #MAX_HEIGHT} levels deep: RE2/J's compiler recurses once per level
 *       and overflows the stack a few thousand levels down;</li>
 *   <li>the expression unrolls to at most {@value #MAX_SIZE} instructions. Go allows about 3.3 million (128 MB of
 *       its instructions); RE2/J spends about 65 bytes on each, on every instance that compiles the expression,
 *       and a silence can be written by anyone holding an API token, so the limit here is lower.</li>
 * </ul>
 * Sizes and heights are counted as Go's parser counts them, on a scan that knows RE2's syntax well enough to find
 * groups, classes, escapes and repetitions. What the scan finds malformed it leaves to RE2/J, whose message is better.
 */
final class GoParserLimits {

    static final int MAX_COPIES = 1000;
    static final int MAX_HEIGHT = 1000;
    static final long MAX_SIZE = 100_000;

    private GoParserLimits() {
    }

    /** @return why the expression is over a limit, or empty when it is within them or malformed */
    static Optional<String> check(String expression) {
        try {
            new Scan(expression).run();
            return Optional.empty();
        } catch (OverLimit e) {
            return Optional.of(e.getMessage());
        } catch (LeftToRe2 e) {
            return Optional.empty();
        }
    }

    /**
     * One node of the parse tree as far as the limits care.
     *
     * @param size instructions once unrolled
     * @param copies the smallest copy budget Go's {@code repeatIsValid} accepts for it
     * @param flattens a concatenation or alternation, which Go merges into an enclosing one of its kind
     */
    private record Piece(long size, int height, long copies, Kind flattens) {

        static final Piece ATOM = new Piece(1, 1, 0, Kind.NONE);
    }

    private enum Kind { NONE, CONCAT, ALTERNATE }

    /** The pieces of one group: the finished alternatives and the one being read. */
    private static final class Group {
        final boolean capturing;
        final Sequence alternatives = new Sequence(Kind.ALTERNATE);
        Sequence current = new Sequence(Kind.CONCAT);

        Group(boolean capturing) {
            this.capturing = capturing;
        }
    }

    /** A concatenation or alternation being read; its last piece is kept apart, as a repetition may follow. */
    private static final class Sequence {
        final Kind kind;
        long size;
        int height;
        long copies;
        int count;
        Piece first;
        Piece last;

        Sequence(Kind kind) {
            this.kind = kind;
        }

        void add(Piece piece) {
            if (last != null) {
                fold(last);
            }
            last = piece;
        }

        private void fold(Piece piece) {
            if (count == 0) {
                first = piece;
            }
            size += piece.size();
            height = Math.max(height, piece.flattens() == kind ? piece.height() - 1 : piece.height());
            copies = Math.max(copies, piece.copies());
            count++;
        }

        /** What is read so far, to check against the limits before the sequence ends. */
        Piece sofar() {
            return new Piece(size + (last == null ? 0 : last.size()), height, copies, Kind.NONE);
        }

        Piece finish() {
            if (last != null) {
                fold(last);
                last = null;
            }
            if (count == 0) {
                return Piece.ATOM;
            }
            if (count == 1) {
                return first;
            }
            long joins = kind == Kind.ALTERNATE ? count - 1 : 0;
            return new Piece(size + joins, height + 1, copies, kind);
        }
    }

    private static final class Scan {
        private final String re;
        private final Deque<Group> open = new ArrayDeque<>();
        private Group group = new Group(false);
        private int at;
        private boolean afterRepeat;

        Scan(String re) {
            this.re = re;
        }

        void run() {
            while (at < re.length()) {
                char c = re.charAt(at);
                boolean repeatBefore = afterRepeat;
                afterRepeat = false;
                if (repeatBefore && (c == '*' || c == '+' || c == '?' || (c == '{' && countedAt(at)))) {
                    // a** or a{2}{3}: RE2/J refuses stacked repetitions itself, as Go does
                    throw new LeftToRe2();
                }
                switch (c) {
                    case '\\' -> escape();
                    case '[' -> {
                        skipClass();
                        add(Piece.ATOM);
                    }
                    case '(' -> openGroup();
                    case ')' -> closeGroup();
                    case '|' -> {
                        at++;
                        group.alternatives.add(checked(group.current.finish()));
                        checked(group.alternatives.sofar());
                        group.current = new Sequence(Kind.CONCAT);
                    }
                    case '*' -> repeat(2);
                    case '+', '?' -> repeat(1);
                    case '{' -> countedOrLiteral();
                    default -> {
                        at++;
                        add(Piece.ATOM);
                    }
                }
            }
            if (!open.isEmpty()) {
                throw new LeftToRe2();
            }
            checked(finish(group));
        }

        private void add(Piece piece) {
            group.current.add(checked(piece));
            checked(group.current.sofar());
        }

        private void escape() {
            if (at + 1 >= re.length()) {
                throw new LeftToRe2();
            }
            char next = re.charAt(at + 1);
            if (next == 'Q') {
                int end = re.indexOf("\\E", at + 2);
                int stop = end < 0 ? re.length() : end;
                for (int i = at + 2; i < stop; i++) {
                    add(Piece.ATOM);
                }
                at = end < 0 ? stop : end + 2;
                return;
            }
            at = afterEscape(at);
            add(Piece.ATOM);
        }

        /** The index after the escape at {@code from}, which starts with a backslash. */
        private int afterEscape(int from) {
            int i = from + 1;
            if (i >= re.length()) {
                throw new LeftToRe2();
            }
            char c = re.charAt(i++);
            if ((c == 'x' || c == 'p' || c == 'P') && i < re.length() && re.charAt(i) == '{') {
                int close = re.indexOf('}', i);
                if (close < 0) {
                    throw new LeftToRe2();
                }
                return close + 1;
            }
            if (c == 'x') {
                return Math.min(i + 2, re.length());
            }
            if (c == 'p' || c == 'P') {
                return Math.min(i + 1, re.length());
            }
            if (c >= '0' && c <= '7') {
                for (int digits = 0; digits < 2 && i < re.length() && re.charAt(i) >= '0' && re.charAt(i) <= '7'; digits++) {
                    i++;
                }
            }
            return i;
        }

        private void skipClass() {
            int i = at + 1;
            if (i < re.length() && re.charAt(i) == '^') {
                i++;
            }
            if (i < re.length() && re.charAt(i) == ']') {
                i++;
            }
            while (i < re.length()) {
                char c = re.charAt(i);
                if (c == ']') {
                    at = i + 1;
                    return;
                }
                if (re.startsWith("[:", i) && re.indexOf(":]", i + 2) >= 0) {
                    i = re.indexOf(":]", i + 2) + 2;
                } else if (c == '\\') {
                    i = afterEscape(i);
                } else {
                    i++;
                }
            }
            throw new LeftToRe2();
        }

        private void openGroup() {
            at++;
            boolean capturing = true;
            if (re.startsWith("?P<", at) || (re.startsWith("?<", at) && !re.startsWith("?<=", at) && !re.startsWith("?<!", at))) {
                int close = re.indexOf('>', at);
                if (close < 0) {
                    throw new LeftToRe2();
                }
                at = close + 1;
            } else if (re.startsWith("?", at)) {
                int i = at + 1;
                while (i < re.length() && "imsU-".indexOf(re.charAt(i)) >= 0) {
                    i++;
                }
                if (i >= re.length() || (re.charAt(i) != ':' && re.charAt(i) != ')')) {
                    throw new LeftToRe2();
                }
                at = i + 1;
                if (re.charAt(i) == ')') {
                    return;
                }
                capturing = false;
            }
            open.push(group);
            group = new Group(capturing);
        }

        private void closeGroup() {
            if (open.isEmpty()) {
                throw new LeftToRe2();
            }
            at++;
            Piece inner = finish(group);
            Piece piece = group.capturing ? new Piece(inner.size() + 2, inner.height() + 1, inner.copies(), Kind.NONE) : inner;
            group = open.pop();
            add(piece);
        }

        private Piece finish(Group finished) {
            finished.alternatives.add(checked(finished.current.finish()));
            return checked(finished.alternatives.finish());
        }

        /** A repetition of the last piece; Go counts {@code x*} as two instructions more than x, {@code x+} and {@code x?} as one. */
        private void repeat(int extraSize) {
            Piece sub = lastPiece();
            at++;
            skipLazy();
            group.current.last = checked(new Piece(sub.size() + extraSize, sub.height() + 1, sub.copies(), Kind.NONE));
            afterRepeat = true;
        }

        /** Whether the {@code {} at {@code from} starts a counted repetition rather than a literal brace. */
        private boolean countedAt(int from) {
            int i = from + 1;
            int digits = i;
            while (i < re.length() && Character.isDigit(re.charAt(i))) {
                i++;
            }
            if (i == digits) {
                return false;
            }
            if (i < re.length() && re.charAt(i) == ',') {
                i++;
                while (i < re.length() && Character.isDigit(re.charAt(i))) {
                    i++;
                }
            }
            return i < re.length() && re.charAt(i) == '}';
        }

        private void countedOrLiteral() {
            if (!countedAt(at)) {
                at++;
                add(Piece.ATOM);
                return;
            }
            int close = re.indexOf('}', at);
            String[] bounds = re.substring(at + 1, close).split(",", -1);
            long min = number(bounds[0]);
            long max = bounds.length == 1 ? min : bounds[1].isEmpty() ? -1 : number(bounds[1]);
            if (min > MAX_COPIES || max > MAX_COPIES || (max >= 0 && max < min)) {
                // RE2/J refuses these counts itself, as Go does
                throw new LeftToRe2();
            }
            Piece sub = lastPiece();
            at = close + 1;
            skipLazy();
            group.current.last = checked(counted(sub, min, max));
            afterRepeat = true;
        }

        /** Size as Go's {@code calcSize} and copies as its {@code repeatIsValid} count {@code x{min,max}}. */
        private static Piece counted(Piece sub, long min, long max) {
            long size = max < 0
                    ? (min == 0 ? 2 + sub.size() : 1 + min * sub.size())
                    : max * sub.size() + (max - min);
            long times = max < 0 ? min : max;
            long copies = max == 0 ? 0 : times == 0 ? sub.copies() : Math.max(times, times * sub.copies());
            if ((min >= 2 || max >= 2) && copies > MAX_COPIES) {
                throw new OverLimit("invalid repeat count: nested counted repetitions make more than " + MAX_COPIES
                        + " copies of what they repeat");
            }
            return new Piece(size, sub.height() + 1, copies, Kind.NONE);
        }

        private Piece lastPiece() {
            Piece last = group.current.last;
            if (last == null) {
                throw new LeftToRe2();
            }
            return last;
        }

        private void skipLazy() {
            if (at < re.length() && re.charAt(at) == '?') {
                at++;
            }
        }

        private static long number(String digits) {
            // more than seven digits is over every limit; RE2/J then says so
            return digits.length() > 7 ? Long.MAX_VALUE / 4 : Long.parseLong(digits);
        }

        private static Piece checked(Piece piece) {
            if (piece.height() > MAX_HEIGHT) {
                throw new OverLimit("expression nests too deeply: more than " + MAX_HEIGHT + " levels of groups,"
                        + " repetitions and alternatives");
            }
            if (piece.size() > MAX_SIZE) {
                throw new OverLimit("expression too large: its repetitions unroll to more than " + MAX_SIZE
                        + " instructions; shorten counted repetitions such as {1000}");
            }
            return piece;
        }
    }

    private static final class OverLimit extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OverLimit(String message) {
            super(message, null, false, false);
        }
    }

    private static final class LeftToRe2 extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LeftToRe2() {
            super(null, null, false, false);
        }
    }
}
