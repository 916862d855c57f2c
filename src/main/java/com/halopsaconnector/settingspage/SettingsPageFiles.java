package com.halopsaconnector.settingspage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** The page's files, read from the classpath; only the names listed here are ever served. */
@ApplicationScoped
public class SettingsPageFiles {

    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "settings.css", "text/css; charset=utf-8",
            "settings.js", "text/javascript; charset=utf-8");

    public record PageFile(byte[] content, String mediaType) {
    }

    public Optional<PageFile> find(String name) {
        String mediaType = MEDIA_TYPES.get(name);
        if (mediaType == null) {
            return Optional.empty();
        }
        try (InputStream in = SettingsPageFiles.class.getResourceAsStream("/settings-page/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new PageFile(in.readAllBytes(), mediaType));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
