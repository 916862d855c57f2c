package com.halopsaconnector.settingspage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The development JWT file named by {@code connector.ui.dev-token-file} (set in the dev profile to
 * the file run.sh writes). Read on every request, since run.sh makes a new token on every start.
 */
@ApplicationScoped
public class DevToken {

    @ConfigProperty(name = "connector.ui.dev-token-file")
    Optional<Path> file;

    public Optional<String> read() {
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file.get()).trim()).filter(token -> !token.isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
