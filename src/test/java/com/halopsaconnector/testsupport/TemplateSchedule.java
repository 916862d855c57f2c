package com.halopsaconnector.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The scheduled-sync event exactly as {@code template.yaml} hands it to the config function
 * ({@code ConfigFunction} → {@code Events.SyncSchedule.Properties.Input}), so that tests send the
 * same payload-2.0 event EventBridge will send, read from the template rather than retyped.
 *
 * <p>Jackson's YAML parser reads CloudFormation short-form tags ({@code !Ref}, {@code !Sub},
 * {@code !GetAtt}, {@code !If}, ...) as plain scalars, sequences or mappings and ignores the tag.
 */
public final class TemplateSchedule {

    /** Relative to the project root, which is the working directory of the tests. */
    public static final Path TEMPLATE = Path.of("template.yaml");

    static final String INPUT_POINTER = "/Resources/ConfigFunction/Properties/Events/SyncSchedule/Properties/Input";

    private TemplateSchedule() {
    }

    /** The {@code Input} string of the {@code SyncSchedule} event, unchanged. */
    public static String scheduledSyncEvent() {
        JsonNode input = template().at(INPUT_POINTER);
        if (!input.isTextual()) {
            throw new IllegalStateException(TEMPLATE + " has no string at " + INPUT_POINTER + " (found " + input.getNodeType() + ")");
        }
        return input.textValue();
    }

    /** The whole template as a tree (intrinsic-function tags dropped, their values kept). */
    public static JsonNode template() {
        try {
            return new YAMLMapper().readTree(Files.readString(TEMPLATE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEMPLATE.toAbsolutePath(), e);
        }
    }
}
