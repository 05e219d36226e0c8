package com.covalue.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A secret given on the command line, in the environment, or in a file ({@code --admin-token-file},
 * which keeps it out of {@code ps} and of the environment other processes of the user can read).
 */
final class Tokens {

    private Tokens() {
    }

    /**
     * The token from {@code value} or from {@code file} (its text, without the trailing line break);
     * null when neither is given.
     *
     * @throws IllegalArgumentException naming the option when both are given, the file cannot be
     *                                  read, or the token is blank (a blank token would otherwise
     *                                  mean "no token" and open the endpoint without a word)
     */
    static String resolve(String option, String value, Path file) {
        if (value != null && file != null) {
            throw new IllegalArgumentException(option + " and " + option + "-file are both given; use one");
        }
        if (file != null) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException(option + "-file " + file + " cannot be read: " + e.getMessage(), e);
            }
            String token = text.strip();
            if (token.isEmpty()) {
                throw new IllegalArgumentException(option + "-file " + file + " is empty; put the token in it, or leave the option out");
            }
            if (token.contains("\n")) {
                throw new IllegalArgumentException(option + "-file " + file + " holds more than one line; put only the token in it");
            }
            return token;
        }
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(option + " is blank (from the option or its environment variable); give a token,"
                    + " or leave it out altogether");
        }
        return value == null ? null : value.strip();
    }
}
