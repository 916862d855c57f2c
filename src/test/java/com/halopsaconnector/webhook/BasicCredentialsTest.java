package com.halopsaconnector.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicHeader_givesUserAndPassword_splitAtTheFirstColon() {
        assertThat(BasicCredentials.fromHeader(basic("halo:pa:ss")))
                .contains(new BasicCredentials("halo", "pa:ss"));
        assertThat(BasicCredentials.fromHeader(basic("hälo:pässword")))
                .contains(new BasicCredentials("hälo", "pässword"));
    }

    @Test
    void schemeName_isCaseInsensitive() {
        assertThat(BasicCredentials.fromHeader(basic("halo:secret").replace("Basic", "bAsIc")))
                .contains(new BasicCredentials("halo", "secret"));
    }

    @Test
    void otherSchemesAndMalformedValues_giveNothing() {
        assertThat(BasicCredentials.fromHeader(null)).isEmpty();
        assertThat(BasicCredentials.fromHeader("Bearer abc")).isEmpty();
        assertThat(BasicCredentials.fromHeader("Basic ")).isEmpty();
        assertThat(BasicCredentials.fromHeader("Basic not-base64!")).isEmpty();
        assertThat(BasicCredentials.fromHeader(basic("no-colon"))).isEmpty();
    }

    @Test
    void toString_hidesThePassword() {
        assertThat(new BasicCredentials("halo", "secret").toString()).doesNotContain("secret");
    }
}
