package com.halopsaconnector.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.halopsaconnector.domain.InvalidInputException;
import com.halopsaconnector.testsupport.FuzzPayloads;
import com.halopsaconnector.testsupport.FuzzPayloads.FuzzCase;
import com.halopsaconnector.testsupport.LoneSurrogates;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * jqwik properties of the Save And Sync body parser, on the bodies of the save fuzz run
 * ({@link FuzzPayloads#saveCases}): it refuses a body as bad input (400) or returns a command
 * within the documented limits (URLs absolute and at most 2048 characters, other values at most
 * 512, no unpaired surrogate in a stored value); nothing else escapes it.
 */
class SaveRequestParserProperties {

    static final String AUTH_URL = "http://localhost:1/auth";
    static final String RESOURCE_URL = "http://localhost:1/api";
    /** The parser's own rule; which schemes and hosts are allowed is the URL guard's business, after parsing. */
    static final String ABSOLUTE_URL = "(?i)^[a-z][a-z0-9+.-]*://\\S+$";

    final SaveRequestParser parser = parser();

    static SaveRequestParser parser() {
        SaveRequestParser parser = new SaveRequestParser();
        parser.json = new ObjectMapper();
        return parser;
    }

    @Provide
    Arbitrary<FuzzCase> bodies() {
        return FuzzPayloads.saveCases(AUTH_URL, RESOURCE_URL);
    }

    @Property(tries = 1000)
    void anyBody_isRefusedAsBadInput_orGivesACommandWithinTheLimits(@ForAll("bodies") FuzzCase body) {
        SaveCommand command;
        try {
            command = parser.parse(body.body());
        } catch (InvalidInputException refused) {
            assertThat(refused.errors()).isNotEmpty();
            return;
        }
        assertThat(command.authUrl()).matches(ABSOLUTE_URL).hasSizeLessThanOrEqualTo(SaveRequestParser.MAX_URL);
        assertThat(command.resourceUrl()).matches(ABSOLUTE_URL).hasSizeLessThanOrEqualTo(SaveRequestParser.MAX_URL);
        assertThat(command.clientId()).isNotBlank().hasSizeLessThanOrEqualTo(SaveRequestParser.MAX_VALUE);
        assertThat(command.haloTenant()).isNotNull().hasSizeLessThanOrEqualTo(SaveRequestParser.MAX_VALUE);
        assertThat(command.scope()).isNotBlank().hasSizeLessThanOrEqualTo(SaveRequestParser.MAX_VALUE);
        for (String stored : new String[] {command.haloTenant(), command.clientId(), command.scope()}) {
            assertThat(LoneSurrogates.in(stored)).as("unpaired surrogate in %s", stored).isFalse();
        }
    }
}
