package dev.slopipeline.router.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where a credential lives (an environment variable or a file), never the credential itself: the value is read at
 * each {@link #reveal()} so a rotated file takes effect without a restart, and no object holds it to be printed.
 * {@code toString} names the source only. The exception is {@link #inline}, for credentials a config holds already.
 */
public sealed interface Secret permits Secret.EnvironmentVariable, Secret.File, Secret.Inline {

    /** @throws SecretUnavailableException when the source is missing or empty; the message never holds the value */
    String reveal();

    static Secret fromEnvironment(String variable) {
        return new EnvironmentVariable(variable, System::getenv);
    }

    static Secret fromFile(Path path) {
        return new File(path);
    }

    /**
     * A credential written in the config itself, as Alertmanager accepts a PagerDuty {@code routing_key}. The one
     * source that holds its value; {@code toString} still hides it.
     */
    static Secret inline(String value) {
        return new Inline(value);
    }

    final class EnvironmentVariable implements Secret {
        private final String variable;
        private final UnaryOperator<String> environment;

        /** @param environment looks a variable up; tests pass a map because a JVM cannot set its own environment */
        public EnvironmentVariable(String variable, UnaryOperator<String> environment) {
            this.variable = Objects.requireNonNull(variable, "variable");
            this.environment = Objects.requireNonNull(environment, "environment");
        }

        @Override
        public String reveal() {
            String value = environment.apply(variable);
            if (value == null || value.isBlank()) {
                throw new SecretUnavailableException("environment variable " + variable + " is not set or empty");
            }
            return value.strip();
        }

        @Override
        public String toString() {
            return "env:" + variable;
        }
    }

    final class File implements Secret {
        private final Path path;

        public File(Path path) {
            this.path = Objects.requireNonNull(path, "path");
        }

        @Override
        public String reveal() {
            String value;
            try {
                value = Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new SecretUnavailableException("cannot read secret file " + path + " ("
                        + e.getClass().getSimpleName() + ")");
            }
            // Secret files are often written with a trailing newline (echo, kubectl create secret --from-file).
            String stripped = value.strip();
            if (stripped.isEmpty()) {
                throw new SecretUnavailableException("secret file " + path + " is empty");
            }
            return stripped;
        }

        @Override
        public String toString() {
            return "file:" + path;
        }
    }

    final class Inline implements Secret {
        private final String value;

        private Inline(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("an inline secret must not be blank");
            }
            this.value = value.strip();
        }

        @Override
        public String reveal() {
            return value;
        }

        /** By value, so that two configs with the same key compare equal. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Inline inline && inline.value.equals(value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }

        @Override
        public String toString() {
            return "inline";
        }
    }

    final class SecretUnavailableException extends RuntimeException {
        public SecretUnavailableException(String message) {
            super(message);
        }
    }
}
