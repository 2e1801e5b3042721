package dev.slopipeline.router.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code router.api.tokens.file}: one token per line, {@code name scope token}, so that each person or tool has a
 * token of its own and the audit trail says which one acted:
 * <pre>
 * # name    scope  token
 * ci-bot    write  8c1f0d6e2b...
 * grafana   read   3e9a47b1c0...
 * </pre>
 * Blank lines and lines starting with {@code #} are skipped. A name is one word; names and tokens are unique. Read
 * once, at start. A mistake names its line, never the token on it.
 */
final class ApiTokensFile {

    private ApiTokensFile() {
    }

    /** The tokens of the file; each mistake is told to {@code problems} and its line skipped. */
    static List<ApiToken> read(Path file, Consumer<String> problems) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.accept("cannot be read: " + e.getMessage());
            return List.of();
        }
        List<ApiToken> tokens = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            String[] fields = line.split("\\s+");
            if (fields.length != 3) {
                problems.accept(where + "expected three fields, name scope token (e.g. ci-bot write <token>), found "
                        + fields.length);
                continue;
            }
            String name = fields[0];
            if (!ApiToken.FILE_NAME.matcher(name).matches()) {
                problems.accept(where + "the name \"" + name + "\" must be one word of letters, digits, . _ @ or -, "
                        + "at most 64 characters");
                continue;
            }
            ApiScope scope;
            try {
                scope = ApiScope.valueOf(fields[1].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.accept(where + "the scope of " + name + " must be read or write, got \"" + fields[1] + "\"");
                continue;
            }
            if (!names.add(name)) {
                problems.accept(where + "the name " + name + " is taken by an earlier line");
                continue;
            }
            if (!secrets.add(fields[2])) {
                problems.accept(where + "the token of " + name + " is the same as an earlier line's; give each its own");
                continue;
            }
            tokens.add(new ApiToken(name, scope, fields[2]));
        }
        return tokens;
    }
}
